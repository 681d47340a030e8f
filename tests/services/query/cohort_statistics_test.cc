// Cohort statistics against values worked out by hand, and against brute-force
// computations written independently here, on cohorts full of ties.
#include "services/query/logic/cohort_statistics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "services/query/logic/row_ranking.h"

namespace jixiao::query {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

jixiao::v1::ComparisonRow Row(const std::string& code, double total, bool complete = true,
                              const std::string& grade = "") {
  jixiao::v1::ComparisonRow row;
  row.mutable_department()->set_code(code);
  row.set_report_id(code + "/2023/department");
  row.set_total(total);
  row.set_complete(complete);
  row.set_grade(grade);
  row.set_colour(grade == "中" ? jixiao::v1::COLOUR_YELLOW : jixiao::v1::COLOUR_GREEN);
  return row;
}

TEST(CohortStatisticsTest, WorkedExampleWithTiesAndAnIncompleteCard) {
  const std::vector<jixiao::v1::ComparisonRow> rows = {
      Row("a", 90, true, "优"), Row("b", 85, true, "良"), Row("c", 85, true, "良"),
      Row("d", 70, true, "中"), Row("e", 95, true, "优"),
      // Incomplete: its 40 is a partial total, never a score of 40.
      Row("f", 40, false)};
  const CohortStatistics statistics = SummarizeCohort(rows);
  ASSERT_TRUE(statistics.totals.has_value());
  const ScoreDistribution& d = *statistics.totals;
  EXPECT_EQ(d.count, 5);
  EXPECT_DOUBLE_EQ(d.mean, 85);
  EXPECT_DOUBLE_EQ(d.min, 70);
  EXPECT_DOUBLE_EQ(d.q1, 85);      // ascending 70 85 85 90 95, h = 1
  EXPECT_DOUBLE_EQ(d.median, 85);  // h = 2
  EXPECT_DOUBLE_EQ(d.q3, 90);      // h = 3
  EXPECT_DOUBLE_EQ(d.max, 95);
  EXPECT_EQ(statistics.incomplete, 1);
  EXPECT_THAT(statistics.grades, ElementsAre(Pair("中", 1), Pair("优", 2), Pair("良", 2)));
  EXPECT_THAT(statistics.colours,
              ElementsAre(Pair(jixiao::v1::COLOUR_GREEN, 4), Pair(jixiao::v1::COLOUR_YELLOW, 1)));

  const std::vector<double> totals = CompleteTotals(rows);
  EXPECT_DOUBLE_EQ(PercentileRank(85, totals), 40);  // 1 below, 2 equal: (1 + 1) / 5
  EXPECT_DOUBLE_EQ(PercentileRank(95, totals), 90);  // (4 + 0.5) / 5
  EXPECT_DOUBLE_EQ(PercentileRank(70, totals), 10);
  EXPECT_DOUBLE_EQ(PercentileRank(100, totals), 100);  // above every total
}

TEST(CohortStatisticsTest, QuantilesInterpolateBetweenClosestRanks) {
  const std::vector<double> x = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(Quantile(x, 0), 1);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.75), 3.25);
  EXPECT_DOUBLE_EQ(Quantile(x, 1), 4);
  EXPECT_DOUBLE_EQ(Quantile(std::vector<double>{7}, 0.5), 7);
}

TEST(CohortStatisticsTest, NoCompleteCardMeansNoScoreStatistics) {
  const CohortStatistics statistics = SummarizeCohort({Row("a", 50, false), Row("b", 60, false)});
  EXPECT_FALSE(statistics.totals.has_value());
  EXPECT_EQ(statistics.incomplete, 2);
  EXPECT_TRUE(statistics.grades.empty());
}

// Independent of the code under test: Hyndman and Fan's definition 7 with
// one-based ranks, and percentiles by counting.
double ReferenceQuantile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double rank = 1 + (static_cast<double>(values.size()) - 1) * p;  // one-based
  const int j = static_cast<int>(rank);
  const double g = rank - j;
  if (j >= static_cast<int>(values.size())) return values.back();
  return (1 - g) * values[j - 1] + g * values[j];
}

double ReferencePercentile(double total, const std::vector<double>& values) {
  int below = 0, equal = 0;
  for (double v : values) {
    if (v < total) ++below;
    if (v == total) ++equal;
  }
  return 100.0 * (below + equal / 2.0) / static_cast<double>(values.size());
}

TEST(CohortStatisticsTest, AgreesWithBruteForceOnALargeCohortFullOfTies) {
  std::mt19937 random(20231231);
  std::vector<jixiao::v1::ComparisonRow> rows;
  std::vector<double> complete;
  for (int i = 0; i < 997; ++i) {
    // Half-point totals between 80 and 100: about 40 distinct values, many ties.
    const double total = 80 + 0.5 * static_cast<double>(random() % 41);
    const bool is_complete = random() % 10 != 0;
    rows.push_back(Row("d" + std::to_string(i), total, is_complete));
    if (is_complete) complete.push_back(total);
  }
  const CohortStatistics statistics = SummarizeCohort(rows);
  ASSERT_TRUE(statistics.totals.has_value());
  EXPECT_EQ(statistics.totals->count, static_cast<int>(complete.size()));
  EXPECT_EQ(statistics.incomplete, 997 - static_cast<int>(complete.size()));
  long double sum = 0;
  for (double v : complete) sum += v;
  EXPECT_NEAR(statistics.totals->mean, static_cast<double>(sum / complete.size()), 1e-9);
  EXPECT_DOUBLE_EQ(statistics.totals->q1, ReferenceQuantile(complete, 0.25));
  EXPECT_DOUBLE_EQ(statistics.totals->median, ReferenceQuantile(complete, 0.5));
  EXPECT_DOUBLE_EQ(statistics.totals->q3, ReferenceQuantile(complete, 0.75));

  const std::vector<double> totals = CompleteTotals(rows);
  double percentile_sum = 0;
  for (double v : complete) {
    const double percentile = PercentileRank(v, totals);
    EXPECT_DOUBLE_EQ(percentile, ReferencePercentile(v, complete));
    percentile_sum += percentile;
  }
  // Mid-rank percentiles of a whole cohort average exactly 50.
  EXPECT_NEAR(percentile_sum / static_cast<double>(complete.size()), 50, 1e-9);

  // Tied departments share their percentile and their rank.
  RankRows(rows);
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].complete() && rows[i - 1].complete() && rows[i].total() == rows[i - 1].total()) {
      EXPECT_EQ(rows[i].rank(), rows[i - 1].rank());
    }
  }
}

TEST(CohortStatisticsTest, YearOverYearChangeAndRankMovement) {
  std::vector<jixiao::v1::ComparisonRow> last = {Row("a", 90), Row("b", 85), Row("c", 80),
                                                 Row("d", 70, false)};
  std::vector<jixiao::v1::ComparisonRow> now = {Row("a", 88), Row("b", 92), Row("c", 75),
                                                Row("d", 91), Row("e", 99)};
  RankRows(last);  // a 1, b 2, c 3, d unranked
  RankRows(now);   // e 1, b 2, d 3, a 4, c 5
  const std::vector<YearOverYear> changes = CompareYears(last, now);
  ASSERT_EQ(changes.size(), 5u);
  auto find = [&](const std::string& code) {
    return *std::find_if(changes.begin(), changes.end(),
                         [&](const YearOverYear& c) { return c.department_code == code; });
  };
  EXPECT_DOUBLE_EQ(*find("a").change, -2);
  EXPECT_EQ(*find("a").rank_movement, -3);  // 1st to 4th
  EXPECT_DOUBLE_EQ(*find("b").change, 7);
  EXPECT_EQ(*find("b").rank_movement, 0);
  EXPECT_EQ(*find("c").rank_movement, -2);
  // d was incomplete last year: no change and no movement, rather than a jump from zero.
  EXPECT_FALSE(find("d").change.has_value());
  EXPECT_FALSE(find("d").rank_movement.has_value());
  // e is new.
  EXPECT_FALSE(find("e").change.has_value());
  EXPECT_FALSE(find("e").rank_movement.has_value());
}

}  // namespace
}  // namespace jixiao::query
