#include "services/scoring/engine/items/declared_lookup.h"

#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {
namespace {

using AssessedItems = google::protobuf::RepeatedPtrField<v1::AssessedItem>;

// Appends ".sub_items[i]…" down to `target` when it is under `items`.
bool AppendPathIn(const AssessedItems& items, const v1::AssessedItem& target, bool top,
                  std::string& out) {
  for (int i = 0; i < items.size(); ++i) {
    const size_t mark = out.size();
    AppendText(out, top ? "" : ".sub_items", "[", i, "]");
    if (&items[i] == &target || AppendPathIn(items[i].sub_items(), target, false, out)) {
      return true;
    }
    out.resize(mark);
  }
  return false;
}

}  // namespace

void AppendAssessedItemPath(const v1::EvaluationReport& report, const v1::AssessedItem& item,
                            std::string& out) {
  const size_t mark = out.size();
  out.append("effectiveness_items");
  if (AppendPathIn(report.effectiveness_items(), item, true, out)) return;
  out.resize(mark);
  out.append("management_items");
  if (AppendPathIn(report.management_items(), item, true, out)) return;
  out.resize(mark);
}

const v1::DeclaredSubtotal* FindDeclaredSubtotal(const v1::EvaluationReport& report,
                                                 absl::string_view group_code) {
  for (const v1::DeclaredSubtotal& subtotal : report.declared().subtotals()) {
    if (subtotal.code() == group_code) return &subtotal;
  }
  return nullptr;
}

}  // namespace jixiao::scoring
