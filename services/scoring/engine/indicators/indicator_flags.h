#pragma once

// What a reviewer should look at in one scored indicator: a missing or
// incomparable actual, a target overshot, a printed completion rate that the
// numbers contradict.

#include "absl/strings/string_view.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/indicators/indicator_scoring.h"

namespace jixiao::scoring {

// Finding codes (REASON_CODES.md) raised by AddIndicatorFlags.
namespace finding {
inline constexpr absl::string_view kMissingActual = "MISSING_ACTUAL";
inline constexpr absl::string_view kNotComparable = "NOT_COMPARABLE";
inline constexpr absl::string_view kStatedCompletionMismatch = "STATED_COMPLETION_MISMATCH";
inline constexpr absl::string_view kOverCompletionPenalized = "OVER_COMPLETION_PENALIZED";
inline constexpr absl::string_view kOverCompletionFlagged = "OVER_COMPLETION_FLAGGED";
}  // namespace finding

// Appends the findings on `score`, scored under `rules`.
void AddIndicatorFlags(const IndicatorScore& score, const v1::IndicatorRules& rules,
                       Findings& findings);

}  // namespace jixiao::scoring
