// PEFA PI-1 style grading of aggregate outturn over three years.
#include "services/query/logic/aggregate_outturn.h"

#include <gtest/gtest.h>

#include <vector>

namespace jixiao::query {
namespace {

std::vector<OutturnYear> Years(std::optional<double> y2021, std::optional<double> y2022,
                               std::optional<double> y2023) {
  return {{2021, y2021}, {2022, y2022}, {2023, y2023}};
}

std::string Grade(std::optional<double> a, std::optional<double> b, std::optional<double> c) {
  return GradeAggregateOutturn(Years(a, b, c), 2023).grade;
}

TEST(AggregateOutturnTest, TwoOfThreeYearsInABandGiveItsGrade) {
  EXPECT_EQ(Grade(100, 104, 130), "A");  // two within 95–105
  EXPECT_EQ(Grade(95, 105, 60), "A");    // the bounds belong to the band
  EXPECT_EQ(Grade(100, 108, 130), "B");  // only one within 95–105, two within 90–110
  EXPECT_EQ(Grade(88, 112, 100), "C");   // one within 95–105 and 90–110, three within 85–115
  EXPECT_EQ(Grade(84, 116, 100), "D");   // only one year within even 85–115
  EXPECT_EQ(Grade(70, 75, 200), "D");
}

TEST(AggregateOutturnTest, UnderspendingAndOverspendingCountAlike) {
  EXPECT_EQ(Grade(96, 97, 104), "A");
  EXPECT_EQ(Grade(91, 109, 140), "B");
}

TEST(AggregateOutturnTest, AYearWithoutAnOutturnLeavesThePeriodUngraded) {
  const OutturnGrade grade = GradeAggregateOutturn(Years(100, std::nullopt, 100), 2023);
  EXPECT_TRUE(grade.grade.empty());
  EXPECT_NE(grade.not_graded_reason.find("2022"), std::string::npos);
}

TEST(AggregateOutturnTest, GradesTheLastThreeYearsOnly) {
  // 2020 would make it A; it is outside 2021–2023.
  std::vector<OutturnYear> years = {{2023, 120}, {2020, 100}, {2022, 80}, {2021, 100}};
  const OutturnGrade grade = GradeAggregateOutturn(years, 2023);
  EXPECT_EQ(grade.grade, "D");
  ASSERT_EQ(grade.years.size(), 3u);
  EXPECT_EQ(grade.years.front().fiscal_year, 2021);
  EXPECT_EQ(grade.years.back().fiscal_year, 2023);
  EXPECT_EQ(GradeAggregateOutturn(years, 2022).grade, "A");  // 2020–2022: 100, 100, 80
}

}  // namespace
}  // namespace jixiao::query
