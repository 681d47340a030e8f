#pragma once

// Completion rate → share of the weight (0..1): the scheme's curve (resolved
// into points when it was prepared: scheme/curves.h), reverse indicators, and
// the over-completion threshold.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/scheme/curves.h"

namespace jixiao::scoring {

// A reverse indicator: full at or below the target, linear down to 0 at twice
// the target, 0 beyond. `target` > 0.
double ReverseFraction(double actual, double target);

// Above the threshold (strictly) of a PENALIZE or FLAG rule.
bool IsOverCompleted(const v1::OverCompletionRule& rule, double rate_percent);

}  // namespace jixiao::scoring
