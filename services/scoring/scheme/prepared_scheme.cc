#include "services/scoring/scheme/prepared_scheme.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/scoring/scheme/effective_groups.h"
#include "services/scoring/scheme/effective_rules.h"
#include "services/scoring/scheme/scheme_validator.h"

namespace jixiao::scoring {

struct PreparedScheme::State {
  explicit State(v1::Scheme prepared) : scheme(std::move(prepared)) {}

  // What an item or sub-item of the scheme scores with.
  struct Item {
    int code_number = 0;
    // Items scored from indicators: the scheme's rules merged with the item's.
    std::optional<v1::IndicatorRules> indicator_rules;
  };

  void AddItems(const google::protobuf::RepeatedPtrField<v1::SchemeItem>& list) {
    for (const v1::SchemeItem& item : list) {
      Item& prepared = items[&item];
      // A variant that redefines a group repeats its codes: one number per code.
      prepared.code_number =
          code_numbers.try_emplace(item.code(), static_cast<int>(code_numbers.size()))
              .first->second;
      if (item.source() == v1::ITEM_SOURCE_INDICATORS ||
          item.source() == v1::ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE) {
        prepared.indicator_rules =
            MergeIndicatorRules(scheme.indicator_rules(), item.indicator_rules());
      }
      AddItems(item.sub_items());
    }
  }

  // Everything below points into `scheme`, which never moves: State lives on
  // the heap, behind a shared pointer, from construction on.
  const v1::Scheme scheme;
  // [0]: the base; [1 + i]: scheme.variants(i).
  std::vector<EffectiveScheme> effective;
  absl::flat_hash_map<const v1::SchemeItem*, Item> items;
  absl::flat_hash_map<absl::string_view, int> code_numbers;
};

namespace {

EffectiveScheme MakeEffective(const v1::Scheme& scheme, const v1::SchemeVariant* variant) {
  EffectiveScheme effective;
  effective.variant = variant;
  effective.groups = EffectiveGroups(scheme, variant);
  for (const v1::SchemeGroup* group : effective.groups) {
    for (const v1::SchemeItem& item : group->items()) {
      if (item.source() != v1::ITEM_SOURCE_INDICATORS) continue;
      effective.indicator_item_codes.push_back(item.code());
      for (const std::string& code : item.level1_codes()) {
        if (std::find(effective.taken_level1_codes.begin(), effective.taken_level1_codes.end(),
                      code) == effective.taken_level1_codes.end()) {
          effective.taken_level1_codes.push_back(code);
        }
      }
    }
  }
  return effective;
}

}  // namespace

PreparedScheme::PreparedScheme(std::shared_ptr<const State> state) : state_(std::move(state)) {}

absl::StatusOr<PreparedScheme> PreparedScheme::Prepare(v1::Scheme scheme) {
  const std::vector<SchemeIssue> issues = ValidateScheme(scheme);
  if (!issues.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("scheme ", scheme.id(), " v", scheme.version(),
                                                   " is not valid: ", issues.front().reason));
  }
  auto state = std::make_shared<State>(std::move(scheme));
  const v1::Scheme& prepared = state->scheme;
  state->effective.push_back(MakeEffective(prepared, nullptr));
  for (const v1::SchemeGroup& group : prepared.groups()) state->AddItems(group.items());
  for (const v1::SchemeVariant& variant : prepared.variants()) {
    state->effective.push_back(MakeEffective(prepared, &variant));
    for (const v1::SchemeGroup& group : variant.groups()) state->AddItems(group.items());
  }
  return PreparedScheme(std::move(state));
}

const v1::Scheme& PreparedScheme::scheme() const { return state_->scheme; }

const EffectiveScheme& PreparedScheme::Effective(const v1::SchemeVariant* variant) const {
  for (const EffectiveScheme& effective : state_->effective) {
    if (effective.variant == variant) return effective;
  }
  return state_->effective.front();  // a variant of another scheme: never handed in
}

const v1::IndicatorRules& PreparedScheme::IndicatorRulesFor(const v1::SchemeItem& item) const {
  const auto it = state_->items.find(&item);
  if (it == state_->items.end() || !it->second.indicator_rules.has_value()) {
    return state_->scheme.indicator_rules();  // not an indicator item of this scheme
  }
  return *it->second.indicator_rules;
}

int PreparedScheme::item_code_count() const {
  return static_cast<int>(state_->code_numbers.size());
}

int PreparedScheme::ItemCodeNumber(const v1::SchemeItem& item) const {
  const auto it = state_->items.find(&item);
  return it == state_->items.end() ? ItemCodeNumber(item.code()) : it->second.code_number;
}

int PreparedScheme::ItemCodeNumber(absl::string_view code) const {
  const auto it = state_->code_numbers.find(code);
  return it == state_->code_numbers.end() ? -1 : it->second;
}

}  // namespace jixiao::scoring
