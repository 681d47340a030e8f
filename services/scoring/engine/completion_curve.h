#pragma once

// Completion rate → share of the weight (0..1), per the scheme's curve.

#include "google/protobuf/repeated_field.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// Rates come out of divisions (1500 / 1000 × 100 may be 150.00000000000003):
// they are compared with bounds to within a hair far below any printed precision.
bool ReachesPercent(double rate_percent, double bound_percent);
bool ExceedsPercent(double rate_percent, double bound_percent);

// The fraction of the highest band whose min_percent `percent` reaches; 0 below
// every band. Bands are validated to rise.
double BandFraction(const google::protobuf::RepeatedPtrField<v1::Band>& bands, double percent);

// The band `percent` falls in, or null below every band.
const v1::Band* BandFor(const google::protobuf::RepeatedPtrField<v1::Band>& bands, double percent);

// A positive indicator's share before over-completion rules: PROPORTIONAL
// (rate / 100, full from 100), THRESHOLD_60_LINEAR (0 below 60, (rate − 60) / 40,
// full from 100) or STEPWISE (bands). Never below 0 or above 1.
double CurveFraction(const v1::IndicatorRules& rules, double rate_percent);

// A reverse indicator: full at or below the target, linear down to 0 at twice
// the target, 0 beyond. `target` > 0.
double ReverseFraction(double actual, double target);

// Above the threshold (strictly) of a PENALIZE or FLAG rule.
bool IsOverCompleted(const v1::OverCompletionRule& rule, double rate_percent);

}  // namespace jixiao::scoring
