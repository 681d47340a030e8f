// Trend years, ranking limits and report ids: what a request leaves implicit, made explicit.
// (Schemes are resolved by common/domain/scheme_resolution, tested there.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "services/query/logic/ranking_limits.h"
#include "services/query/logic/report_ids.h"
#include "services/query/logic/trend_years.h"
#include "tests/support/status_macros.h"

namespace jixiao::query {
namespace {

using ::testing::HasSubstr;

TEST(TrendYearsTest, DefaultsToTheLastTenYears) {
  absl::StatusOr<YearRange> years = ResolveTrendYears(0, 0, 2025);
  ASSERT_TRUE(years.ok()) << years.status();
  EXPECT_EQ(years->from_year, 2016);
  EXPECT_EQ(years->to_year, 2025);
  years = ResolveTrendYears(0, 2020, 2025);
  ASSERT_TRUE(years.ok()) << years.status();
  EXPECT_EQ(years->from_year, 2011);
  EXPECT_EQ(years->to_year, 2020);
  years = ResolveTrendYears(2019, 0, 2025);
  ASSERT_TRUE(years.ok()) << years.status();
  EXPECT_EQ(years->from_year, 2019);
  EXPECT_EQ(years->to_year, 2025);
}

TEST(TrendYearsTest, SingleYearAndFiftyYears) {
  ASSERT_OK_AND_ASSIGN(YearRange one, ResolveTrendYears(2023, 2023, 2025));
  EXPECT_EQ(one.from_year, 2023);
  EXPECT_TRUE(ResolveTrendYears(1976, 2025, 2025).ok());
}

TEST(TrendYearsTest, RefusesBadRanges) {
  EXPECT_THAT(std::string(ResolveTrendYears(2024, 2020, 2025).status().message()),
              HasSubstr("from_year"));
  EXPECT_EQ(ResolveTrendYears(1975, 2025, 2025).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ResolveTrendYears(-1, 2025, 2025).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(ResolveTrendYears(0, -5, 2025).status().message()), HasSubstr("to_year"));
  EXPECT_EQ(ResolveTrendYears(2030, 0, 2025).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(RankingLimitsTest, DefaultsAndBounds) {
  absl::StatusOr<RankingLimits> limits = ResolveRankingLimits(0, false, 0);
  ASSERT_TRUE(limits.ok());
  EXPECT_EQ(limits->top_n, 10);
  EXPECT_EQ(limits->around_k, 0);
  limits = ResolveRankingLimits(1000, true, 0);
  ASSERT_TRUE(limits.ok());
  EXPECT_EQ(limits->top_n, 1000);
  EXPECT_EQ(limits->around_k, 5);
  limits = ResolveRankingLimits(3, true, 100);
  ASSERT_TRUE(limits.ok());
  EXPECT_EQ(limits->around_k, 100);
  EXPECT_THAT(std::string(ResolveRankingLimits(1001, false, 0).status().message()),
              HasSubstr("top_n"));
  EXPECT_THAT(std::string(ResolveRankingLimits(-1, false, 0).status().message()),
              HasSubstr("top_n"));
  EXPECT_THAT(std::string(ResolveRankingLimits(10, true, 101).status().message()),
              HasSubstr("around_k"));
  EXPECT_EQ(ResolveRankingLimits(10, true, -1).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ReportIdsTest, AsIngestDerivesThem) {
  EXPECT_EQ(DepartmentReportId("440106:commerce", 2023), "440106:commerce/2023/department");
  EXPECT_TRUE(OnePerDepartmentAndYear(jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION));
  EXPECT_TRUE(OnePerDepartmentAndYear(jixiao::v1::REPORT_KIND_UNSPECIFIED));
  EXPECT_FALSE(OnePerDepartmentAndYear(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION));
  EXPECT_FALSE(OnePerDepartmentAndYear(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION));
}

TEST(ReportIdsTest, AnIdSaysItsKindDepartmentAndYear) {
  constexpr auto kDepartment = jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION;
  constexpr auto kProject = jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
  constexpr auto kEvaluation = jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION;
  EXPECT_TRUE(IsReportOf("440106:a/2023/department", kDepartment, "440106:a", 2023));
  EXPECT_FALSE(IsReportOf("440106:a/2023/department", kProject, "440106:a", 2023));
  EXPECT_TRUE(IsReportOf("440106:a/2023/project/fair", kProject, "440106:a", 2023));
  EXPECT_FALSE(IsReportOf("440106:a/2023/project/fair", kDepartment, "440106:a", 2023));
  EXPECT_FALSE(IsReportOf("440106:a/2023/project/fair", kEvaluation, "440106:a", 2023));
  EXPECT_TRUE(IsReportOf("440106:a/2023/evaluation/fair", kEvaluation, "440106:a", 2023));
  EXPECT_TRUE(IsReportOf("440106:a/2023/evaluation/fair", jixiao::v1::REPORT_KIND_UNSPECIFIED,
                         "440106:a", 2023));
  // Another department's, another year's, or no id of the format.
  EXPECT_FALSE(IsReportOf("440106:b/2023/project/fair", kProject, "440106:a", 2023));
  EXPECT_FALSE(IsReportOf("440106:a/2022/project/fair", kProject, "440106:a", 2023));
  EXPECT_FALSE(IsReportOf("440106:a/2023/project", kProject, "440106:a", 2023));
}

}  // namespace
}  // namespace jixiao::query
