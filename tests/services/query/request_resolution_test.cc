// Scheme, trend years and ranking limits: what a request leaves implicit, made explicit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "services/query/logic/ranking_limits.h"
#include "services/query/logic/report_ids.h"
#include "services/query/logic/scheme_resolution.h"
#include "services/query/logic/trend_years.h"

namespace jixiao::query {
namespace {

using ::testing::HasSubstr;

LoadedScheme Loaded(
    const std::string& id, int version,
    jixiao::v1::ReportKind kind = jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION) {
  LoadedScheme scheme;
  scheme.ref.set_id(id);
  scheme.ref.set_version(version);
  scheme.ref.set_content_hash(absl::StrCat(id, "-hash-", version));
  scheme.report_kind = kind;
  return scheme;
}

jixiao::v1::SchemeRef Ref(const std::string& id, int version) {
  jixiao::v1::SchemeRef ref;
  ref.set_id(id);
  ref.set_version(version);
  return ref;
}

const std::vector<LoadedScheme> kLoaded = {
    Loaded("guangzhou-department", 1), Loaded("guangzhou-department", 3),
    Loaded("guangzhou-department", 2),
    Loaded("mof-2020-10", 1, jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION)};

TEST(SchemeResolutionTest, VersionZeroIsTheHighestLoaded) {
  absl::StatusOr<LoadedScheme> scheme =
      ResolveScheme(Ref("guangzhou-department", 0), "other", kLoaded);
  ASSERT_TRUE(scheme.ok()) << scheme.status();
  EXPECT_EQ(scheme->ref.version(), 3);
  EXPECT_EQ(scheme->ref.content_hash(), "guangzhou-department-hash-3");
}

TEST(SchemeResolutionTest, EmptyIdIsTheDefault) {
  absl::StatusOr<LoadedScheme> scheme = ResolveScheme(Ref("", 0), "mof-2020-10", kLoaded);
  ASSERT_TRUE(scheme.ok()) << scheme.status();
  EXPECT_EQ(scheme->ref.id(), "mof-2020-10");
  EXPECT_EQ(scheme->ref.version(), 1);
  EXPECT_EQ(scheme->report_kind, jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
}

TEST(SchemeResolutionTest, ExplicitVersion) {
  absl::StatusOr<LoadedScheme> scheme = ResolveScheme(Ref("guangzhou-department", 2), "", kLoaded);
  ASSERT_TRUE(scheme.ok()) << scheme.status();
  EXPECT_EQ(scheme->ref.version(), 2);
}

TEST(SchemeResolutionTest, UnknownIdOrVersionIsNotFoundNamingIt) {
  absl::StatusOr<LoadedScheme> id = ResolveScheme(Ref("shenzhen", 0), "", kLoaded);
  EXPECT_EQ(id.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(id.status().message()), HasSubstr("\"shenzhen\""));
  absl::StatusOr<LoadedScheme> version = ResolveScheme(Ref("guangzhou-department", 9), "", kLoaded);
  EXPECT_EQ(version.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(version.status().message()), HasSubstr("version 9"));
  EXPECT_THAT(std::string(version.status().message()), HasSubstr("1, 2, 3"));
  EXPECT_EQ(ResolveScheme(Ref("", 0), "", {}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ResolveScheme(Ref("x", 0), "", {}).status().code(), absl::StatusCode::kNotFound);
}

TEST(SchemeResolutionTest, NegativeVersionIsInvalid) {
  absl::StatusOr<LoadedScheme> scheme = ResolveScheme(Ref("guangzhou-department", -1), "", kLoaded);
  EXPECT_EQ(scheme.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(scheme.status().message()), HasSubstr("scheme.version"));
}

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
  absl::StatusOr<YearRange> one = ResolveTrendYears(2023, 2023, 2025);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->from_year, 2023);
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
