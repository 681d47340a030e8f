#include "services/scoring/engine/completion_curve.h"

#include <algorithm>

namespace jixiao::scoring {
namespace {

constexpr double kRateHair = 1e-9;

}  // namespace

bool ReachesPercent(double rate_percent, double bound_percent) {
  return rate_percent >= bound_percent - kRateHair;
}

bool ExceedsPercent(double rate_percent, double bound_percent) {
  return rate_percent > bound_percent + kRateHair;
}

const v1::Band* BandFor(const google::protobuf::RepeatedPtrField<v1::Band>& bands, double percent) {
  const v1::Band* reached = nullptr;
  for (const v1::Band& band : bands) {
    if (ReachesPercent(percent, band.min_percent()) &&
        (reached == nullptr || band.min_percent() >= reached->min_percent())) {
      reached = &band;
    }
  }
  return reached;
}

double BandFraction(const google::protobuf::RepeatedPtrField<v1::Band>& bands, double percent) {
  const v1::Band* band = BandFor(bands, percent);
  return band == nullptr ? 0 : std::clamp(band->fraction(), 0.0, 1.0);
}

double CurveFraction(const v1::IndicatorRules& rules, double rate_percent) {
  switch (rules.curve()) {
    case v1::COMPLETION_CURVE_THRESHOLD_60_LINEAR:
      if (!ReachesPercent(rate_percent, 60)) return 0;
      if (ReachesPercent(rate_percent, 100)) return 1;
      return std::clamp((rate_percent - 60) / 40, 0.0, 1.0);
    case v1::COMPLETION_CURVE_STEPWISE:
      return BandFraction(rules.steps(), rate_percent);
    case v1::COMPLETION_CURVE_PROPORTIONAL:
    default:
      // Validation makes the curve explicit; proportional is 财预〔2020〕10号's rule.
      if (ReachesPercent(rate_percent, 100)) return 1;
      return std::clamp(rate_percent / 100, 0.0, 1.0);
  }
}

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
