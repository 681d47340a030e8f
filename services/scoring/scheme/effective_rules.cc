#include "services/scoring/scheme/effective_rules.h"

namespace jixiao::scoring {

v1::IndicatorRules MergeIndicatorRules(const v1::IndicatorRules& scheme_rules,
                                       const v1::IndicatorRules& item_rules) {
  v1::IndicatorRules merged = scheme_rules;
  if (item_rules.curve() != v1::COMPLETION_CURVE_UNSPECIFIED) merged.set_curve(item_rules.curve());
  if (!item_rules.steps().empty()) *merged.mutable_steps() = item_rules.steps();
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
  }
  return merged;
}

}  // namespace jixiao::scoring
