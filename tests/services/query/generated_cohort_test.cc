// Rankings and cohort statistics served by the query service, against values
// computed independently here, on generated reports (tools/gen) scored by the
// engine: a cohort with known answers. Ties are made on purpose: some
// departments file a copy of another department's report, so their recomputed
// totals are equal to the last bit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "services/scoring/engine/score_engine.h"
#include "tests/services/query/query_service_harness.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"
#include "tools/gen/dataset_shape.h"
#include "tools/gen/report_generator.h"

namespace jixiao::query {
namespace {

using testing::QueryServiceHarness;

constexpr int kYear = 2023;

struct Scored {
  std::string code;
  std::string report_id;
  double total = 0;
  bool complete = false;
  std::string grade;
};

// Independent of services/query/logic: plain definitions, written again.
double InterpolatedQuantile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(h);
  if (lo + 1 >= values.size()) return values.back();
  return values[lo] + (h - static_cast<double>(lo)) * (values[lo + 1] - values[lo]);
}

class GeneratedCohortTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(h_.status().ok()) << h_.status();
    gen::DatasetShape shape;
    shape.seed = 42;
    shape.divisions = 6;
    shape.departments_per_division = 10;
    shape.first_year = kYear - 1;
    shape.years = 2;
    const scoring::PreparedScheme scheme =
        scoring::testing::ShippedPreparedScheme("guangzhou-department");
    for (int year = kYear - 1; year <= kYear; ++year) {
      for (int division = 0; division < shape.divisions; ++division) {
        for (int department = 0; department < shape.departments_per_division; ++department) {
          jixiao::v1::EvaluationReport report =
              gen::GenerateReport(shape, {division, department, year});
          // Every 7th department files the report of the one before it: same
          // content, its own department, so the totals tie exactly.
          if (department % 7 == 6) {
            jixiao::v1::EvaluationReport copy =
                gen::GenerateReport(shape, {division, department - 1, year});
            *copy.mutable_department() = report.department();
            copy.set_report_id(report.report_id());
            report = copy;
          }
          ASSERT_OK_AND_ASSIGN(jixiao::v1::ScoreCard card, scoring::ScoreReport(report, scheme));
          card.mutable_report()->set_report_id(report.report_id());
          card.mutable_report()->set_version(1);
          card.mutable_scheme()->set_id(testing::kSchemeId);
          card.mutable_scheme()->set_version(1);
          ASSERT_TRUE(h_.Publish(card).ok());
          ASSERT_TRUE(h_.CacheAndRank(card).ok());
          scored_[year].push_back({card.department().code(), report.report_id(), card.total(),
                                   card.complete(), card.grade()});
        }
      }
    }
  }

  // 1 + the number of complete totals strictly greater; 0 when incomplete.
  int RankOf(int year, const Scored& one) const {
    if (!one.complete) return 0;
    int greater = 0;
    for (const Scored& other : scored_.at(year))
      greater += other.complete && other.total > one.total;
    return greater + 1;
  }

  QueryServiceHarness h_;
  std::map<int, std::vector<Scored>> scored_;
};

TEST_F(GeneratedCohortTest, RankingTopAndAroundMatchIndependentRanks) {
  std::vector<Scored> ranked;
  for (const Scored& one : scored_[kYear]) {
    if (one.complete) ranked.push_back(one);
  }
  ASSERT_GT(ranked.size(), 20u);
  std::sort(ranked.begin(), ranked.end(), [](const Scored& a, const Scored& b) {
    return a.total != b.total ? a.total > b.total : a.report_id > b.report_id;
  });
  const int ties =
      static_cast<int>(std::count_if(ranked.begin() + 1, ranked.end(), [&](const Scored& one) {
        return one.total == (&one - 1)->total;
      }));
  ASSERT_GT(ties, 3) << "the cohort must hold ties to test them";

  for (const size_t position : {size_t{0}, size_t{9}, ranked.size() / 2, ranked.size() - 1}) {
    jixiao::v1::RankingRequest request;
    request.set_fiscal_year(kYear);
    request.set_top_n(10);
    request.set_around_department_code(ranked[position].code);
    request.set_around_k(3);
    jixiao::v1::RankingResponse response;
    ASSERT_OK(h_.query().Ranking(QueryServiceHarness::Context().get(), request, &response));
    EXPECT_TRUE(response.freshness().from_cache());
    ASSERT_EQ(response.top_size(), 10);
    for (int i = 0; i < 10; ++i) {
      EXPECT_EQ(response.top(i).department_code(), ranked[i].code) << i;
      EXPECT_EQ(response.top(i).rank(), RankOf(kYear, ranked[i])) << i;
      EXPECT_DOUBLE_EQ(response.top(i).total(), ranked[i].total);
    }
    const size_t first = position < 3 ? 0 : position - 3;
    const size_t last = std::min(position + 3, ranked.size() - 1);
    ASSERT_EQ(static_cast<size_t>(response.around_size()), last - first + 1);
    for (size_t i = first; i <= last; ++i) {
      EXPECT_EQ(response.around(static_cast<int>(i - first)).department_code(), ranked[i].code);
      EXPECT_EQ(response.around(static_cast<int>(i - first)).rank(), RankOf(kYear, ranked[i]));
    }
    EXPECT_EQ(response.ranked(), static_cast<int>(ranked.size()));
    EXPECT_EQ(response.cohort_size(), static_cast<int>(scored_[kYear].size()));
  }
}

TEST_F(GeneratedCohortTest, StatisticsMatchIndependentComputations) {
  jixiao::v1::CohortStatisticsRequest request;
  request.set_fiscal_year(kYear);
  jixiao::v1::CohortStatisticsResponse response;
  ASSERT_OK(h_.query().CohortStatistics(QueryServiceHarness::Context().get(), request, &response));

  std::vector<double> totals;
  std::map<std::string, int> grades;
  int incomplete = 0;
  for (const Scored& one : scored_[kYear]) {
    if (!one.complete) {
      ++incomplete;
      continue;
    }
    totals.push_back(one.total);
    ++grades[one.grade];
  }
  ASSERT_FALSE(totals.empty());
  double sum = 0;
  for (double total : totals) sum += total;
  EXPECT_EQ(response.cohort_size(), static_cast<int>(scored_[kYear].size()));
  EXPECT_EQ(response.incomplete(), incomplete);
  EXPECT_EQ(response.totals().count(), static_cast<int>(totals.size()));
  EXPECT_NEAR(response.totals().mean(), sum / static_cast<double>(totals.size()), 1e-9);
  EXPECT_DOUBLE_EQ(response.totals().min(), *std::min_element(totals.begin(), totals.end()));
  EXPECT_DOUBLE_EQ(response.totals().max(), *std::max_element(totals.begin(), totals.end()));
  EXPECT_NEAR(response.totals().q1(), InterpolatedQuantile(totals, 0.25), 1e-9);
  EXPECT_NEAR(response.totals().median(), InterpolatedQuantile(totals, 0.5), 1e-9);
  EXPECT_NEAR(response.totals().q3(), InterpolatedQuantile(totals, 0.75), 1e-9);
  std::map<std::string, int> served_grades;
  for (const jixiao::v1::GradeCount& grade : response.grades()) {
    served_grades[grade.grade()] = grade.count();
  }
  EXPECT_EQ(served_grades, grades);

  std::map<std::string, const Scored*> last_year;
  for (const Scored& one : scored_[kYear - 1]) last_year[one.code] = &one;
  ASSERT_EQ(response.departments_size(), static_cast<int>(scored_[kYear].size()));
  for (const jixiao::v1::DepartmentStanding& standing : response.departments()) {
    const auto me =
        std::find_if(scored_[kYear].begin(), scored_[kYear].end(),
                     [&](const Scored& one) { return one.code == standing.department_code(); });
    ASSERT_NE(me, scored_[kYear].end());
    EXPECT_EQ(standing.rank(), RankOf(kYear, *me)) << me->code;
    if (!me->complete) {
      EXPECT_FALSE(standing.has_percentile());
      EXPECT_FALSE(standing.missing().empty());
      continue;
    }
    // Mid-rank: the share below plus half the share equal, in percent.
    double below = 0;
    double equal = 0;
    for (double total : totals) {
      below += total < me->total;
      equal += total == me->total;
    }
    EXPECT_NEAR(standing.percentile(),
                100 * (below + equal / 2) / static_cast<double>(totals.size()), 1e-9);
    const Scored* before = last_year.at(me->code);
    if (before->complete) {
      EXPECT_NEAR(standing.change(), me->total - before->total, 1e-9);
      EXPECT_EQ(standing.rank_movement(), RankOf(kYear - 1, *before) - RankOf(kYear, *me));
    } else {
      EXPECT_FALSE(standing.has_change());
    }
  }
}

}  // namespace
}  // namespace jixiao::query
