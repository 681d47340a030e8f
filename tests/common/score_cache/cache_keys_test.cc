// The Redis key layout: names that carry both versions, and cohort membership.

#include "common/score_cache/cache_keys.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/domain/report_id/report_id.h"
#include "tests/support/status_macros.h"

namespace jixiao::score_cache {
namespace {

using ::testing::ElementsAre;

TEST(CacheKeysTest, ScoreCardKeyNamesSchemeAndReportVersions) {
  jixiao::v1::SchemeRef scheme;
  scheme.set_id("guangzhou-department");
  scheme.set_version(1);
  EXPECT_EQ(ScoreCardKey(scheme, "440106:commerce-finance/2023/department", 3),
            "jixiao:v1:card:guangzhou-department@1:440106:commerce-finance/2023/department@3");
  EXPECT_NE(ScoreCardKey(scheme, "a", 3), ScoreCardKey(scheme, "a", 4));
  scheme.set_version(2);
  EXPECT_NE(ScoreCardKey(scheme, "a", 3), "jixiao:v1:card:guangzhou-department@1:a@3");
}

TEST(CacheKeysTest, RankingKeysPerSchemeYearAndCohort) {
  jixiao::v1::SchemeRef scheme;
  scheme.set_id("s");
  scheme.set_version(2);
  EXPECT_EQ(
      RankKey(scheme, 2023, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION, "level:district"),
      "jixiao:v1:rank:s@2:2023:department:level:district");
  EXPECT_EQ(UnrankedKey(scheme, 2023, jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION, "all"),
            "jixiao:v1:unranked:s@2:2023:project:all");
  EXPECT_EQ(CohortKey(2023, jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION, "sector:commerce"),
            "jixiao:v1:cohort:2023:evaluation:sector:commerce");
}

TEST(CacheKeysTest, AReportIsFiledUnderTheKindItsIdSays) {
  EXPECT_EQ(KindOfReportId("440106:a/2023/department"),
            jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  EXPECT_EQ(KindOfReportId("440106001:a/2023/project/44010623-001"),
            jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  EXPECT_EQ(KindOfReportId("440106:a/2023/evaluation/fair"),
            jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  // Not in the format: where every report was filed before kinds.
  EXPECT_EQ(KindOfReportId("r1"), jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
}

TEST(ReportIdTest, FormatsAndParsesEveryKind) {
  EXPECT_EQ(report_id::Format("440106:a", 2023, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
                              "ignored"),
            "440106:a/2023/department");
  EXPECT_EQ(report_id::Format("440106:a", 2023, jixiao::v1::REPORT_KIND_UNSPECIFIED, ""),
            "440106:a/2023/department");
  EXPECT_EQ(
      report_id::Format("440106:a", 2023, jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION, "p-1"),
      "440106:a/2023/project/p-1");
  ASSERT_OK_AND_ASSIGN(report_id::Parts parts, report_id::Parse("440106001:a/2022/evaluation/p_2"));
  EXPECT_EQ(parts.department_code, "440106001:a");
  EXPECT_EQ(parts.fiscal_year, 2022);
  EXPECT_EQ(parts.kind, jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  EXPECT_EQ(parts.project_code, "p_2");
  for (const char* bad :
       {"", "a/2023", "a/x/department", "a/2023/department/p", "a/2023/project", "a/2023/project/",
        "a/2023/targets", "/2023/department", "a/2023/project/p/q"}) {
    EXPECT_FALSE(report_id::Parse(bad).ok()) << bad;
  }
}

TEST(CacheKeysTest, CohortsOfADepartment) {
  jixiao::v1::Department department;
  department.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  department.add_sector_tags("commerce");
  department.add_sector_tags("finance");
  EXPECT_THAT(CohortsOf(department),
              ElementsAre("all", "level:district", "sector:commerce", "sector:finance"));
  EXPECT_THAT(CohortsOf(jixiao::v1::Department()), ElementsAre("all"));
}

}  // namespace
}  // namespace jixiao::score_cache
