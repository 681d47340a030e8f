#include "services/scoring/scheme/effective_rules.h"

#include "services/scoring/scheme/curves.h"

namespace jixiao::scoring {
namespace {

// What the satisfaction bands of the older schemes are called on a scorecard line.
constexpr absl::string_view kSatisfactionStepsName = "satisfaction_steps";

}  // namespace

v1::IndicatorRules MergeIndicatorRules(const v1::IndicatorRules& scheme_rules,
                                       const v1::IndicatorRules& item_rules) {
  v1::IndicatorRules merged = scheme_rules;
  if (item_rules.curve() != v1::COMPLETION_CURVE_UNSPECIFIED) {
    merged.set_curve(item_rules.curve());
    // An item that names an older curve replaces the scheme's curve as a whole.
    merged.clear_completion();
  }
  if (!item_rules.steps().empty()) *merged.mutable_steps() = item_rules.steps();
  if (item_rules.has_completion()) *merged.mutable_completion() = item_rules.completion();
  if (item_rules.has_over_completion() &&
      item_rules.over_completion().policy() != v1::OVER_COMPLETION_POLICY_UNSPECIFIED) {
    *merged.mutable_over_completion() = item_rules.over_completion();
  }
  if (item_rules.has_qualitative()) *merged.mutable_qualitative() = item_rules.qualitative();
  if (item_rules.missing_value() != v1::MISSING_VALUE_POLICY_UNSPECIFIED) {
    merged.set_missing_value(item_rules.missing_value());
  }
  if (!item_rules.satisfaction_steps().empty()) {
    *merged.mutable_satisfaction_steps() = item_rules.satisfaction_steps();
    merged.clear_satisfaction();
  }
  if (item_rules.has_satisfaction()) *merged.mutable_satisfaction() = item_rules.satisfaction();
  return merged;
}

absl::StatusOr<v1::IndicatorRules> ResolveIndicatorRules(const v1::IndicatorRules& scheme_rules,
                                                         const v1::IndicatorRules& item_rules) {
  v1::IndicatorRules rules = MergeIndicatorRules(scheme_rules, item_rules);
  if (rules.has_completion()) {
    absl::StatusOr<v1::Curve> completion = ResolveCurve(rules.completion());
    if (!completion.ok()) return completion.status();
    *rules.mutable_completion() = *std::move(completion);
  } else {
    *rules.mutable_completion() = CompletionCurveOf(rules.curve(), rules.steps());
  }
  if (rules.has_satisfaction()) {
    absl::StatusOr<v1::Curve> satisfaction = ResolveCurve(rules.satisfaction());
    if (!satisfaction.ok()) return satisfaction.status();
    *rules.mutable_satisfaction() = *std::move(satisfaction);
  } else if (!rules.satisfaction_steps().empty()) {
    v1::Curve bands = BandCurve(rules.satisfaction_steps());
    bands.set_name(std::string(kSatisfactionStepsName));
    *rules.mutable_satisfaction() = std::move(bands);
  }
  return rules;
}

absl::StatusOr<v1::Curve> ResolveExecutionCurve(const v1::ExecutionRule& rule) {
  if (rule.has_rate()) return ResolveCurve(rule.rate());
  return ExecutionCurveOf(rule.curve(), rule.steps());
}

}  // namespace jixiao::scoring
