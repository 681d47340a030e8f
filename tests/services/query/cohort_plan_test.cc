#include "services/query/logic/cohort_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/query/logic/member_filter.h"
#include "services/query/logic/named_cohorts.h"
#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"

namespace jixiao::query {
namespace {

using ::testing::HasSubstr;

jixiao::v1::Department Department(const std::string& code, jixiao::v1::AdministrativeLevel level,
                                  std::vector<std::string> tags, const std::string& district) {
  jixiao::v1::Department department;
  department.set_code(code);
  department.set_level(level);
  for (const std::string& tag : tags) department.add_sector_tags(tag);
  department.mutable_district()->set_code(district);
  return department;
}

const jixiao::v1::Department kTianheCommerce =
    Department("440106:commerce", jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT,
               {"commerce", "finance"}, "440106");
const jixiao::v1::Department kCityCommerce =
    Department("440100:commerce", jixiao::v1::ADMINISTRATIVE_LEVEL_CITY, {"commerce"}, "440100");
const jixiao::v1::Department kHaizhuTrade = Department(
    "440105:trade", jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT, {"trade-promotion"}, "440105");

TEST(CohortPlanTest, EmptyIsAll) {
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(jixiao::v1::Cohort()));
  EXPECT_EQ(plan.redis_cohort(), "all");
  EXPECT_TRUE(plan.is_redis_cohort());
  EXPECT_TRUE(plan.Admits(kTianheCommerce));
  EXPECT_TRUE(plan.Admits(kCityCommerce));
}

TEST(CohortPlanTest, OnlyLevelIsTheLevelCohort) {
  jixiao::v1::Cohort cohort;
  cohort.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(cohort));
  EXPECT_EQ(plan.redis_cohort(), "level:district");
  EXPECT_TRUE(plan.is_redis_cohort());
  EXPECT_TRUE(plan.Admits(kTianheCommerce));
  EXPECT_FALSE(plan.Admits(kCityCommerce));
}

TEST(CohortPlanTest, OneSectorTagIsTheSectorCohort) {
  jixiao::v1::Cohort cohort;
  cohort.add_sector_tags("commerce");
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(cohort));
  EXPECT_EQ(plan.redis_cohort(), "sector:commerce");
  EXPECT_TRUE(plan.is_redis_cohort());
  EXPECT_TRUE(plan.Admits(kCityCommerce));
  EXPECT_FALSE(plan.Admits(kHaizhuTrade));
}

TEST(CohortPlanTest, RepeatedTagCountsOnce) {
  jixiao::v1::Cohort cohort;
  cohort.add_sector_tags("commerce");
  cohort.add_sector_tags("commerce");
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(cohort));
  EXPECT_EQ(plan.redis_cohort(), "sector:commerce");
}

TEST(CohortPlanTest, CombinedCriteriaFilterAllInMemory) {
  jixiao::v1::Cohort cohort;
  cohort.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  cohort.add_sector_tags("commerce");
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(cohort));
  EXPECT_EQ(plan.redis_cohort(), "all");
  EXPECT_FALSE(plan.is_redis_cohort());
  EXPECT_TRUE(plan.Admits(kTianheCommerce));
  EXPECT_FALSE(plan.Admits(kCityCommerce));  // wrong level
  EXPECT_FALSE(plan.Admits(kHaizhuTrade));   // wrong tag
}

TEST(CohortPlanTest, SeveralTagsMustAllBeCarried) {
  jixiao::v1::Cohort cohort;
  cohort.add_sector_tags("commerce");
  cohort.add_sector_tags("finance");
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(cohort));
  EXPECT_FALSE(plan.is_redis_cohort());
  EXPECT_TRUE(plan.Admits(kTianheCommerce));
  EXPECT_FALSE(plan.Admits(kCityCommerce));
}

TEST(CohortPlanTest, ExplicitDepartmentsFilterAll) {
  jixiao::v1::Cohort cohort;
  cohort.add_department_codes("440105:trade");
  cohort.add_department_codes("440100:commerce");
  ASSERT_OK_AND_ASSIGN(CohortPlan plan, CohortPlan::Resolve(cohort));
  EXPECT_EQ(plan.redis_cohort(), "all");
  EXPECT_FALSE(plan.is_redis_cohort());
  EXPECT_TRUE(plan.Admits(kHaizhuTrade));
  EXPECT_TRUE(plan.Admits(kCityCommerce));
  EXPECT_FALSE(plan.Admits(kTianheCommerce));
}

TEST(CohortPlanTest, NamedCohortsResolveToTheirConfiguredCriteria) {
  absl::StatusOr<NamedCohorts> named = NamedCohorts::Parse(R"pb(
    cohorts {
      name: "guangzhou-commerce"
      criteria { sector_tags: "commerce" department_codes: "440100:commerce" }
    }
    cohorts {
      name: "district-commerce"
      criteria { level: ADMINISTRATIVE_LEVEL_DISTRICT }
    }
  )pb");
  ASSERT_TRUE(named.ok()) << named.status();
  jixiao::v1::Cohort cohort;
  cohort.set_name("guangzhou-commerce");
  ASSERT_OK_AND_ASSIGN(CohortPlan listed, CohortPlan::Resolve(cohort, *named));
  EXPECT_FALSE(listed.is_redis_cohort());
  EXPECT_EQ(listed.department_codes(), std::vector<std::string>{"440100:commerce"});
  EXPECT_TRUE(listed.Admits(kCityCommerce));
  EXPECT_FALSE(listed.Admits(kTianheCommerce));

  cohort.set_name("district-commerce");
  ASSERT_OK_AND_ASSIGN(CohortPlan level, CohortPlan::Resolve(cohort, *named));
  EXPECT_TRUE(level.is_redis_cohort());
  EXPECT_EQ(level.redis_cohort(), "level:district");
}

TEST(CohortPlanTest, UnknownNamesAndNamesWithCriteriaAreRefused) {
  jixiao::v1::Cohort cohort;
  cohort.set_name("guangzhou-commerce");
  absl::StatusOr<CohortPlan> plan = CohortPlan::Resolve(cohort);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(plan.status().message(),
            "cohort.name: no cohort named \"guangzhou-commerce\" is configured (ListCohorts)");
  cohort.add_sector_tags("commerce");
  EXPECT_THAT(std::string(CohortPlan::Resolve(cohort).status().message()),
              HasSubstr("either a name or criteria"));
}

TEST(NamedCohortsTest, ConfigurationErrorsNameTheCohortAndField) {
  EXPECT_THAT(std::string(NamedCohorts::Parse("cohorts { nme: \"x\" }").status().message()),
              HasSubstr("line 1"));
  EXPECT_THAT(
      std::string(NamedCohorts::Parse(R"pb(cohorts { name: "Bad Name" })pb").status().message()),
      HasSubstr("cohorts[0].name"));
  EXPECT_THAT(std::string(NamedCohorts::Parse(R"pb(cohorts { name: "a" }
                                                   cohorts { name: "a" })pb")
                              .status()
                              .message()),
              HasSubstr("cohorts[1].name: \"a\" is defined twice"));
  EXPECT_THAT(std::string(NamedCohorts::Parse(R"pb(cohorts {
                                                     name: "a"
                                                     criteria { name: "b" }
                                                   })pb")
                              .status()
                              .message()),
              HasSubstr("cohorts[0].criteria.name"));
  EXPECT_THAT(std::string(NamedCohorts::Parse(R"pb(cohorts {
                                                     name: "a"
                                                     criteria { sector_tags: "" }
                                                   })pb")
                              .status()
                              .message()),
              HasSubstr("cohorts[0].criteria.sector_tags[0]: is empty"));
}

TEST(NamedCohortsTest, TheShippedConfigurationParses) {
  ASSERT_OK_AND_ASSIGN(NamedCohorts named, NamedCohorts::Parse(jixiao::testing::ReadSourceFile(
                                               "services/query/cohorts/guangzhou.textproto")));
  EXPECT_NE(named.Find("guangzhou-commerce"), nullptr);
  EXPECT_EQ(named.Find("no-such-cohort"), nullptr);
}

TEST(CohortPlanTest, MalformedCriteriaNameTheirField) {
  jixiao::v1::Cohort bad_level;
  bad_level.set_level(static_cast<jixiao::v1::AdministrativeLevel>(42));
  EXPECT_THAT(std::string(CohortPlan::Resolve(bad_level).status().message()),
              HasSubstr("cohort.level"));
  jixiao::v1::Cohort empty_tag;
  empty_tag.add_sector_tags("commerce");
  empty_tag.add_sector_tags("");
  EXPECT_THAT(std::string(CohortPlan::Resolve(empty_tag).status().message()),
              HasSubstr("cohort.sector_tags[1]"));
  jixiao::v1::Cohort empty_code;
  empty_code.add_department_codes("");
  EXPECT_EQ(CohortPlan::Resolve(empty_code).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(MemberFilterTest, DistrictsAndReportKind) {
  const CohortPlan all = *CohortPlan::Resolve(jixiao::v1::Cohort());
  const std::vector<std::string> districts = {"440106", "440105"};
  const MemberFilter filter(all, districts, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
                            2023);
  EXPECT_TRUE(filter.Admits("440106:commerce/2023/department", kTianheCommerce));
  EXPECT_TRUE(filter.Admits("440105:trade/2023/department", kHaizhuTrade));
  EXPECT_FALSE(filter.Admits("440100:commerce/2023/department", kCityCommerce));
  // A project self-evaluation or an evaluation is not scored by a department scheme.
  EXPECT_FALSE(filter.Admits("440106:commerce/2023/project/fair", kTianheCommerce));
  EXPECT_FALSE(filter.Admits("440106:commerce/2023/evaluation/fair", kTianheCommerce));
  // Nor is another year's report, or another department's.
  EXPECT_FALSE(filter.Admits("440106:commerce/2022/department", kTianheCommerce));
  EXPECT_FALSE(filter.Admits("440105:trade/2023/department", kTianheCommerce));

  const MemberFilter any(all, {}, jixiao::v1::REPORT_KIND_UNSPECIFIED, 2023);
  EXPECT_TRUE(any.Admits("440100:commerce/2023/department", kCityCommerce));
  EXPECT_TRUE(any.Admits("440106:commerce/2023/project/fair", kTianheCommerce));
}

TEST(MemberFilterTest, AProjectSchemeAdmitsEveryProjectReportOfTheYear) {
  const CohortPlan all = *CohortPlan::Resolve(jixiao::v1::Cohort());
  const MemberFilter projects(all, {}, jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION, 2023);
  EXPECT_TRUE(projects.Admits("440106:commerce/2023/project/fair", kTianheCommerce));
  EXPECT_TRUE(projects.Admits("440106:commerce/2023/project/expo-2023", kTianheCommerce));
  EXPECT_TRUE(projects.Admits("440105:trade/2023/project/fair", kHaizhuTrade));
  EXPECT_FALSE(projects.Admits("440106:commerce/2023/department", kTianheCommerce));
  EXPECT_FALSE(projects.Admits("440106:commerce/2023/evaluation/fair", kTianheCommerce));

  const MemberFilter evaluations(all, {}, jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION, 2023);
  EXPECT_TRUE(evaluations.Admits("440106:commerce/2023/evaluation/fair", kTianheCommerce));
  EXPECT_FALSE(evaluations.Admits("440106:commerce/2023/project/fair", kTianheCommerce));
}

}  // namespace
}  // namespace jixiao::query
