#pragma once

// What a reviewer should look at in one scored indicator: a missing or
// incomparable actual, a target overshot, a printed completion rate that the
// numbers contradict.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/indicators/indicator_scoring.h"

namespace jixiao::scoring {

// Appends the findings on `score`, scored under `rules`.
void AddIndicatorFlags(const IndicatorScore& score, const v1::IndicatorRules& rules,
                       Findings& findings);

}  // namespace jixiao::scoring
