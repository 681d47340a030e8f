#include "services/scoring/scheme/effective_groups.h"

namespace jixiao::scoring {
namespace {

const v1::SchemeGroup* FindVariantGroup(const v1::SchemeVariant& variant, const std::string& code) {
  for (const v1::SchemeGroup& group : variant.groups()) {
    if (group.code() == code) return &group;
  }
  return nullptr;
}

bool InBase(const v1::Scheme& scheme, const std::string& code) {
  for (const v1::SchemeGroup& group : scheme.groups()) {
    if (group.code() == code) return true;
  }
  return false;
}

}  // namespace

std::vector<const v1::SchemeGroup*> EffectiveGroups(const v1::Scheme& scheme,
                                                    const v1::SchemeVariant* variant) {
  std::vector<const v1::SchemeGroup*> groups;
  for (const v1::SchemeGroup& base : scheme.groups()) {
    const v1::SchemeGroup* replacement =
        variant == nullptr ? nullptr : FindVariantGroup(*variant, base.code());
    groups.push_back(replacement != nullptr ? replacement : &base);
  }
  if (variant == nullptr) return groups;
  for (const v1::SchemeGroup& added : variant->groups()) {
    if (!InBase(scheme, added.code())) groups.push_back(&added);
  }
  return groups;
}

double GroupsTotal(const std::vector<const v1::SchemeGroup*>& groups) {
  double total = 0;
  for (const v1::SchemeGroup* group : groups) total += group->max();
  return total;
}

}  // namespace jixiao::scoring
