#include "services/scoring/engine/declared_lookup.h"

#include <vector>

#include "absl/strings/str_cat.h"

namespace jixiao::scoring {
namespace {

// Depth-first search by code; the path is built only for the item found.
bool FindIn(const google::protobuf::RepeatedPtrField<v1::AssessedItem>& items,
            absl::string_view code, const v1::AssessedItem*& found, std::vector<int>& indices) {
  for (int i = 0; i < items.size(); ++i) {
    indices.push_back(i);
    if (items[i].code() == code) {
      found = &items[i];
      return true;
    }
    if (FindIn(items[i].sub_items(), code, found, indices)) return true;
    indices.pop_back();
  }
  return false;
}

std::optional<AssessedItemRef> FindUnder(
    const google::protobuf::RepeatedPtrField<v1::AssessedItem>& items, absl::string_view list_name,
    absl::string_view code) {
  const v1::AssessedItem* found = nullptr;
  std::vector<int> indices;
  if (!FindIn(items, code, found, indices)) return std::nullopt;
  std::string path(list_name);
  for (size_t depth = 0; depth < indices.size(); ++depth) {
    absl::StrAppend(&path, depth == 0 ? "" : ".sub_items", "[", indices[depth], "]");
  }
  return AssessedItemRef{found, std::move(path)};
}

}  // namespace

std::optional<AssessedItemRef> FindAssessedItem(const v1::EvaluationReport& report,
                                                absl::string_view code) {
  std::optional<AssessedItemRef> found =
      FindUnder(report.effectiveness_items(), "effectiveness_items", code);
  if (found.has_value()) return found;
  return FindUnder(report.management_items(), "management_items", code);
}

const v1::DeclaredSubtotal* FindDeclaredSubtotal(const v1::EvaluationReport& report,
                                                 absl::string_view group_code) {
  for (const v1::DeclaredSubtotal& subtotal : report.declared().subtotals()) {
    if (subtotal.code() == group_code) return &subtotal;
  }
  return nullptr;
}

}  // namespace jixiao::scoring
