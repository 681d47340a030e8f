#pragma once
// The fiscal years a Trend request covers.
#include "absl/status/statusor.h"

namespace jixiao::query {

// At most this many years in one trend: a bound on the scoring calls one
// request can cause.
inline constexpr int kMaxTrendYears = 50;
// Years covered when from_year is not given: ten, ending with to_year.
inline constexpr int kDefaultTrendYears = 10;

struct YearRange {
  int from_year = 0;
  int to_year = 0;  // inclusive
};

// to_year 0 means `current_year`; from_year 0 means kDefaultTrendYears ending
// with to_year (never before year 1). INVALID_ARGUMENT, naming the field, for
// a negative year, from_year after to_year, or more than kMaxTrendYears years.
absl::StatusOr<YearRange> ResolveTrendYears(int from_year, int to_year, int current_year);

}  // namespace jixiao::query
