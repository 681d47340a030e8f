#include "services/scoring/engine/indicators/completion_curve.h"

namespace jixiao::scoring {

double ReverseFraction(double actual, double target) {
  if (actual <= target) return 1;
  if (actual >= 2 * target) return 0;
  return (2 * target - actual) / target;
}

bool IsOverCompleted(const v1::OverCompletionRule& rule, double rate_percent) {
  const bool active = rule.policy() == v1::OVER_COMPLETION_POLICY_PENALIZE ||
                      rule.policy() == v1::OVER_COMPLETION_POLICY_FLAG;
  return active && ExceedsPercent(rate_percent, rule.threshold_percent());
}

}  // namespace jixiao::scoring
