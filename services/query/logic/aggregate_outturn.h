#pragma once
// Budget credibility in the style of PEFA indicator PI-1 (aggregate expenditure
// outturn): how closely a department's spending followed the budget it was
// given at the start of the year, over the last three years.
//
//   outturn = final (决算) / initial budget (年初预算) × 100
//
// PI-1 grades it A when the outturn lies within 95–105% in at least two of the
// last three years, B within 90–110%, C within 85–115%, and D otherwise. The
// initial budget is used, not the adjusted one, because PI-1 asks whether the
// budget as approved was credible; mid-year adjustments (调整率) are what it
// measures, not a baseline to forgive them. A year whose report prints no
// initial budget cannot count, and with fewer than three years known no grade
// is given.
#include <optional>
#include <string>
#include <vector>

#include "absl/types/span.h"

namespace jixiao::query {

struct OutturnYear {
  int fiscal_year = 0;
  // final / initial × 100; nullopt when either figure is not printed or the
  // initial budget is zero.
  std::optional<double> outturn_percent;
};

struct OutturnGrade {
  // "A", "B", "C" or "D"; empty when not graded.
  std::string grade;
  // The years graded (the last three of those given), oldest first.
  std::vector<OutturnYear> years;
  // Why no grade was given; empty when graded.
  std::string not_graded_reason;
};

// Grades the last three consecutive years ending at `last_year`; `years` may
// hold others, in any order (a year given twice counts once: the first wins).
OutturnGrade GradeAggregateOutturn(absl::Span<const OutturnYear> years, int last_year);

}  // namespace jixiao::query
