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

bool HasLevel1(const ReportIndex& index, absl::string_view code) {
  return std::any_of(index.indicators().begin(), index.indicators().end(),
                     [&](const SelectedIndicator& s) { return s.level1_code == code; });
}

}  // namespace

bool VariantPredicateHolds(absl::string_view predicate, const v1::EvaluationReport& report,
                           const ReportIndex& index) {
  if (predicate == kNoSpecialFunds) return HasNoSpecialFunds(report);
  if (predicate == "has_special_funds") return !HasNoSpecialFunds(report);
  if (predicate == kHasCostIndicator) return HasLevel1(index, "4");
  if (predicate == "no_satisfaction_indicator") return !HasLevel1(index, "3");
  if (predicate == "has_row_weights") {
    return !index.indicators().empty() &&
           std::all_of(index.indicators().begin(), index.indicators().end(),
                       [](const SelectedIndicator& s) { return s.indicator->has_weight(); });
  }
  if (predicate == "kind_department") {
    return report.kind() == v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION;
  }
  if (predicate == "kind_project") return report.kind() == v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
  if (predicate == "kind_evaluation") return report.kind() == v1::REPORT_KIND_EXTERNAL_EVALUATION;
  const v1::AdministrativeLevel level = report.department().level();
  if (predicate == "level_province") return level == v1::ADMINISTRATIVE_LEVEL_PROVINCE;
  if (predicate == "level_city") return level == v1::ADMINISTRATIVE_LEVEL_CITY;
  if (predicate == "level_district") return level == v1::ADMINISTRATIVE_LEVEL_DISTRICT;
  if (predicate == "level_county") return level == v1::ADMINISTRATIVE_LEVEL_COUNTY;
  if (predicate == "level_township") return level == v1::ADMINISTRATIVE_LEVEL_TOWNSHIP;
  return false;  // unknown predicates are refused when the scheme loads
}

bool VariantConditionHolds(const VariantCondition& condition, const v1::EvaluationReport& report,
                           const ReportIndex& index) {
  for (const std::vector<ConditionTerm>& all_of : condition.any_of) {
    const bool holds = std::all_of(all_of.begin(), all_of.end(), [&](const ConditionTerm& term) {
      return VariantPredicateHolds(term.predicate, report, index) != term.negated;
    });
    if (holds) return true;
  }
  return false;
}

const v1::SchemeVariant* SelectVariant(const PreparedScheme& scheme,
                                       const v1::EvaluationReport& report,
                                       const ReportIndex& index) {
  for (const v1::SchemeVariant& variant : scheme.scheme().variants()) {
    if (VariantConditionHolds(scheme.ConditionOf(variant), report, index)) return &variant;
  }
  return nullptr;
}

}  // namespace jixiao::scoring
