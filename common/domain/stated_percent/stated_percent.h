#pragma once

// A percentage as a report prints it ("98.5", "120.83", "-41.36"). Its number of
// decimals is part of the figure: 98.5 printed with one decimal is consistent with
// a true 98.54%, while 98.50 would not be.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::stated_percent {

struct StatedPercent {
  double value = 0;
  int decimals = 0;
};

// Parses a printed decimal percentage (no % sign, optional sign).
absl::StatusOr<StatedPercent> Parse(absl::string_view text);

// Published reports round each figure to its printed decimals, and their own
// arithmetic carries ±0.01-point artefacts (Liwan 2022 prints 120.83% for a true
// 120.836%). A stated figure matches a true percentage when they differ by no
// more than half a unit of the last printed decimal plus 0.01 points.
double Tolerance(const StatedPercent& stated);
bool Matches(const StatedPercent& stated, double true_percent);

}  // namespace jixiao::stated_percent
