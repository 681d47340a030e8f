#pragma once

// What a reviewer should look at in one scored indicator: a missing or
// incomparable actual, a target overshot, a printed completion rate that the
// numbers contradict.

#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/completion.h"
#include "services/scoring/engine/indicator_scoring.h"

namespace jixiao::scoring {

// `reason_code` and `rule`: what the scoring decided for the indicator.
std::vector<v1::Finding> IndicatorFlags(const IndicatorInput& input,
                                        const v1::IndicatorRules& rules,
                                        const Completion& completion, absl::string_view reason_code,
                                        absl::string_view rule);

}  // namespace jixiao::scoring
