#include "services/query/logic/aggregate_outturn.h"

#include <cmath>

#include "absl/strings/str_cat.h"

namespace jixiao::query {
namespace {

// PI-1's bands: the grade is the best whose band holds at least two of the three years.
struct Band {
  const char* grade;
  double deviation;  // ± percentage points around 100
};
constexpr Band kBands[] = {{"A", 5}, {"B", 10}, {"C", 15}};
constexpr int kYearsGraded = 3;
constexpr int kYearsRequiredInBand = 2;

}  // namespace

OutturnGrade GradeAggregateOutturn(absl::Span<const OutturnYear> years, int last_year) {
  OutturnGrade result;
  for (int year = last_year - kYearsGraded + 1; year <= last_year; ++year) {
    OutturnYear found{year, std::nullopt};
    for (const OutturnYear& given : years) {
      if (given.fiscal_year == year) {
        found = given;
        break;
      }
    }
    result.years.push_back(found);
  }
  for (const OutturnYear& year : result.years) {
    if (!year.outturn_percent.has_value()) {
      result.not_graded_reason =
          absl::StrCat("no outturn for ", year.fiscal_year,
                       ": its report is missing or prints no initial budget and final figure");
      return result;
    }
  }
  for (const Band& band : kBands) {
    int within = 0;
    for (const OutturnYear& year : result.years) {
      // Bands include their bounds ("between 95% and 105%").
      if (std::abs(*year.outturn_percent - 100) <= band.deviation + 1e-9) ++within;
    }
    if (within >= kYearsRequiredInBand) {
      result.grade = band.grade;
      return result;
    }
  }
  result.grade = "D";
  return result;
}

}  // namespace jixiao::query
