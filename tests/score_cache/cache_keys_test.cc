// The Redis key layout: names that carry both versions, and cohort membership.

#include "common/score_cache/cache_keys.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  EXPECT_EQ(RankKey(scheme, 2023, "level:district"), "jixiao:v1:rank:s@2:2023:level:district");
  EXPECT_EQ(UnrankedKey(scheme, 2023, "all"), "jixiao:v1:unranked:s@2:2023:all");
  EXPECT_EQ(CohortKey(2023, "sector:commerce"), "jixiao:v1:cohort:2023:sector:commerce");
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
