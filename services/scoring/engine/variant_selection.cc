#include "services/scoring/engine/variant_selection.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "services/scoring/scheme/variant_conditions.h"

namespace jixiao::scoring {
namespace {

bool HasNoSpecialFunds(const v1::EvaluationReport& report) {
  if (!report.budget().special_funds().empty()) return false;
  // A report that assesses a special-fund item has special funds even if it
  // does not list them.
  return std::none_of(report.effectiveness_items().begin(), report.effectiveness_items().end(),
                      [](const v1::AssessedItem& item) {
                        return absl::StartsWith(item.code(), "effectiveness.special_fund");
                      });
}

bool HasCostIndicator(const ReportIndex& index) {
  return std::any_of(index.indicators().begin(), index.indicators().end(),
                     [](const SelectedIndicator& s) { return s.level1_code == "4"; });
}

}  // namespace

bool VariantConditionHolds(absl::string_view condition, const v1::EvaluationReport& report,
                           const ReportIndex& index) {
  if (condition == kNoSpecialFunds) return HasNoSpecialFunds(report);
  if (condition == kHasCostIndicator) return HasCostIndicator(index);
  return false;  // unknown conditions are refused when the scheme loads
}

const v1::SchemeVariant* SelectVariant(const v1::Scheme& scheme, const v1::EvaluationReport& report,
                                       const ReportIndex& index) {
  for (const v1::SchemeVariant& variant : scheme.variants()) {
    if (VariantConditionHolds(variant.when(), report, index)) return &variant;
  }
  return nullptr;
}

}  // namespace jixiao::scoring
