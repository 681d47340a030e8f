#include "services/query/logic/trend_years.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jixiao::query {

absl::StatusOr<YearRange> ResolveTrendYears(int from_year, int to_year, int current_year) {
  if (from_year < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("from_year: must not be negative, got ", from_year));
  }
  if (to_year < 0) {
    return absl::InvalidArgumentError(absl::StrCat("to_year: must not be negative, got ", to_year));
  }
  YearRange range;
  range.to_year = to_year == 0 ? current_year : to_year;
  range.from_year =
      from_year == 0 ? std::max(range.to_year - (kDefaultTrendYears - 1), 1) : from_year;
  if (range.from_year > range.to_year) {
    return absl::InvalidArgumentError(
        absl::StrCat("from_year: ", range.from_year, " is after to_year ", range.to_year));
  }
  const int years = range.to_year - range.from_year + 1;
  if (years > kMaxTrendYears) {
    return absl::InvalidArgumentError(absl::StrCat("from_year: ", range.from_year, "..",
                                                   range.to_year, " spans ", years,
                                                   " years, at most ", kMaxTrendYears));
  }
  return range;
}

}  // namespace jixiao::query
