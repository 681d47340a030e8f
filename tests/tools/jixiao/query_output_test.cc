// The readable output of the query commands, from hand-built responses: no
// service involved.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/comparison_cells.h"
#include "tools/jixiao/comparison_table.h"
#include "tools/jixiao/credibility_table.h"
#include "tools/jixiao/explain_command.h"
#include "tools/jixiao/freshness_text.h"
#include "tools/jixiao/json_output.h"
#include "tools/jixiao/ranking_table.h"
#include "tools/jixiao/statistics_table.h"
#include "tools/jixiao/trend_table.h"

namespace jixiao::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

jixiao::v1::ComparisonRow Row(const std::string& district, const std::string& code,
                              const std::string& name, double total, int rank) {
  jixiao::v1::ComparisonRow row;
  row.mutable_department()->set_code(code);
  row.mutable_department()->set_name(name);
  row.mutable_department()->mutable_district()->set_name(district);
  row.set_fiscal_year(2023);
  row.set_total(total);
  row.set_rank(rank);
  row.set_complete(rank > 0);
  return row;
}

// Two ranked departments and an incomplete one, as the query service would
// answer for the seeds: one declared its score, one only its grade, one nothing.
jixiao::v1::CompareResponse SeedsComparison() {
  jixiao::v1::CompareResponse response;
  response.mutable_scheme()->set_id("guangzhou-department");
  response.mutable_scheme()->set_version(1);

  auto ccpit = Row("天河区", "440106:ccpit", "天河区贸促会", 99.98, 1);
  ccpit.set_grade("优");
  ccpit.set_declared_total(99.98);
  ccpit.mutable_signals()->set_declared_minus_recomputed(0);
  ccpit.set_budget_execution_percent(99.81);
  ccpit.set_budget_adjustment_percent(-3.5);
  (*ccpit.mutable_group_points())["effectiveness"] = 49.98;
  (*ccpit.mutable_group_points())["management"] = 50;
  *response.add_rows() = ccpit;

  auto city = Row("广州市", "440100:commerce", "广州市商务局", 93.13, 2);
  city.set_grade("优");
  city.set_declared_total(95);  // no signal: the cell computes the difference
  city.set_budget_execution_percent(72.52);
  (*city.mutable_group_points())["effectiveness"] = 43.13;
  (*city.mutable_group_points())["management"] = 50;
  *response.add_rows() = city;

  auto tianhe = Row("天河区", "440106:commerce-finance", "", 46.06, 0);
  tianhe.set_declared_grade("优");
  tianhe.add_missing("management");
  tianhe.add_missing("effectiveness.output");
  tianhe.add_missing("effectiveness.benefit");
  tianhe.add_missing("effectiveness.special_fund_execution");
  (*tianhe.mutable_group_points())["effectiveness"] = 46.06;
  *response.add_rows() = tianhe;

  auto* freshness = response.mutable_freshness();
  freshness->set_from_cache(true);
  freshness->set_age_ms(12'345);
  freshness->mutable_scheme()->set_id("guangzhou-department");
  freshness->mutable_scheme()->set_version(1);
  freshness->mutable_scheme()->set_content_hash("3f2a9c01d4e5b6a7c8d9e0f1");
  freshness->add_reports()->set_report_id("440106:ccpit/2023/department");
  return response;
}

TEST(ComparisonTable, PrintsEveryColumnWithDashesForWhatIsNotThere) {
  std::ostringstream out;
  ComparisonTable(SeedsComparison()).Print(out);
  EXPECT_EQ(
      out.str(),
      "排名  区      部门                     重算得分  等级  自评得分  自评−重算  预算执行率  "
      "预算调整率  effectiveness  management  完整性\n" +
          std::string(193, '-') +
          "\n"
          "1     天河区  天河区贸促会             99.98     优    99.98     +0.00      99.81%   "
          "   -3.50%      49.98          50.00       完整\n"
          "2     广州市  广州市商务局             93.13     优    95.00     +1.87      72.52%   "
          "   —           43.13          50.00       完整\n"
          "—     天河区  440106:commerce-finance  46.06     —     — (优)    —          —        "
          "   —           46.06          —           "
          "缺 management, effectiveness.output, effectiveness.benefit, … (+1)\n");
}

TEST(ComparisonTable, IncompleteRowIsNotRankedAndNamesWhatIsMissing) {
  const auto response = SeedsComparison();
  const auto& row = response.rows(2);
  EXPECT_EQ(RankCell(row), "—");
  EXPECT_EQ(DepartmentCell(row), "440106:commerce-finance");  // no name: the code
  EXPECT_EQ(GradeCell(row), "—");
  EXPECT_EQ(DeclaredTotalCell(row), "— (优)");  // a grade declared, no score
  EXPECT_EQ(DeclaredMinusRecomputedCell(row), "—");
  EXPECT_EQ(ExecutionCell(row), "—");
  EXPECT_EQ(AdjustmentCell(row), "—");
  EXPECT_EQ(CompletenessCell(row),
            "缺 management, effectiveness.output, effectiveness.benefit, … (+1)");
}

TEST(ComparisonTable, MissingItemsAreNamedWithoutTheirReasons) {
  jixiao::v1::ComparisonRow row;
  row.add_missing("管理效率 (management): 报告未给出管理效率各项得分");
  EXPECT_EQ(CompletenessCell(row), "缺 管理效率");
}

TEST(ComparisonTable, GroupColumnsAreTheUnionOfEveryRowsGroups) {
  std::ostringstream out;
  ComparisonTable(SeedsComparison()).Print(out);
  const std::string text = out.str();
  // The incomplete row has no management subtotal: a dash, not 0.00.
  const std::string last_row = text.substr(text.rfind("—     天河区"));
  EXPECT_THAT(last_row, HasSubstr("46.06          —           缺 management"));
  EXPECT_THAT(last_row, Not(HasSubstr("0.00 ")));
}

TEST(ComparisonTable, PrintComparisonAddsCountsAndFreshness) {
  std::ostringstream out;
  PrintComparison(SeedsComparison(), out);
  EXPECT_THAT(out.str(), HasSubstr("\n3 departments, 2 ranked (1 incomplete, not ranked)\n"
                                   "freshness: scheme guangzhou-department@1 (sha256 3f2a9c01d4e5),"
                                   " from cache, age 12.3 s, 1 report\n"));
}

TEST(ComparisonTable, FooterFallsBackToTheResponsesScheme) {
  auto response = SeedsComparison();
  response.mutable_freshness()->clear_scheme();
  response.mutable_freshness()->set_from_cache(false);
  std::ostringstream out;
  PrintComparison(response, out);
  EXPECT_THAT(out.str(), HasSubstr("freshness: scheme guangzhou-department@1, computed now"));
}

TEST(FreshnessFooter, SaysComputedAndDegraded) {
  jixiao::v1::Freshness freshness;
  freshness.mutable_scheme()->set_id("mof-2020-10");
  freshness.mutable_scheme()->set_version(2);
  freshness.set_degraded(true);
  EXPECT_EQ(FreshnessFooter(freshness),
            "freshness: scheme mof-2020-10@2, computed now, degraded (cache unavailable)");
  EXPECT_EQ(FreshnessFooter(jixiao::v1::Freshness()),
            "freshness: scheme (not named), computed now");
}

TEST(FreshnessFooter, FormatsAges) {
  EXPECT_EQ(FormatAge(-5), "0 ms");
  EXPECT_EQ(FormatAge(850), "850 ms");
  EXPECT_EQ(FormatAge(12'345), "12.3 s");
  EXPECT_EQ(FormatAge(245'000), "4 min 5 s");
  EXPECT_EQ(FormatAge(2 * 3600'000 + 13 * 60'000 + 7'000), "2 h 13 min");
}

TEST(RankingTable, MarksTheDepartmentAskedAbout) {
  jixiao::v1::RankingResponse response;
  for (int rank = 4; rank <= 6; ++rank) {
    auto* entry = response.add_around();
    entry->set_rank(rank);
    entry->set_department_code("440106:d" + std::to_string(rank));
    entry->set_department_name("部门" + std::to_string(rank));
    entry->set_total(100 - rank);
  }
  response.set_cohort_size(37);
  response.set_ranked(35);
  response.set_unranked(2);
  std::ostringstream out;
  PrintRanking(response, "440106:d5", out);
  EXPECT_EQ(out.str(),
            "around 440106:d5:\n"
            "排名  代码       部门   重算得分\n"
            "--------------------------------\n"
            "4     440106:d4  部门4  96.00\n"
            "5     440106:d5  部门5  95.00 ←\n"
            "6     440106:d6  部门6  94.00\n"
            "cohort: 37 departments, 35 ranked, 2 incomplete (listed apart, not ranked)\n"
            "freshness: scheme (not named), computed now\n");
}

TEST(TrendTable, OneRowPerYear) {
  jixiao::v1::TrendResponse response;
  for (int year : {2022, 2023}) {
    auto* point = response.add_points();
    point->set_fiscal_year(year);
    *point->mutable_row() = Row("天河区", "440106:ccpit", "天河区贸促会", year - 1923.5, 1);
    point->mutable_row()->set_declared_total(99);
  }
  std::ostringstream out;
  PrintTrend(response, out);
  EXPECT_EQ(out.str(),
            "天河区贸促会 (440106:ccpit)\n"
            "年度  重算得分  等级  自评得分  自评−重算  预算执行率  排名  完整性\n"
            "-------------------------------------------------------------------\n"
            "2022  98.50     —     99.00     +0.50      —           1     完整\n"
            "2023  99.50     —     99.00     -0.50      —           1     完整\n"
            "freshness: scheme (not named), computed now\n");
}

TEST(Explain, AsksForTheDepartmentSelfEvaluation) {
  EXPECT_EQ(DepartmentReportId("440106:ccpit", 2023), "440106:ccpit/2023/department");
  EXPECT_EQ(ExplainedReportId({"440106:ccpit", "2023"}).value_or(""),
            "440106:ccpit/2023/department");
}

TEST(Explain, TakesAReportIdWithItsProjectCode) {
  EXPECT_EQ(ExplainedReportId({"440106:ccpit/2023/project/fair"}).value_or(""),
            "440106:ccpit/2023/project/fair");
  EXPECT_EQ(ExplainedReportId({"440106:ccpit/2022/evaluation/fair"}).value_or(""),
            "440106:ccpit/2022/evaluation/fair");
  EXPECT_EQ(ExplainedReportId({"440106:ccpit/2023/department"}).value_or(""),
            "440106:ccpit/2023/department");
  // A mistyped id, a project without its code, or too many arguments.
  for (const std::vector<std::string>& bad :
       std::vector<std::vector<std::string>>{{"440106:ccpit"},
                                             {"440106:ccpit/2023/project"},
                                             {"440106:ccpit", "2023", "fair"},
                                             {"440106:ccpit", "twenty"},
                                             {}}) {
    const absl::StatusOr<std::string> id = ExplainedReportId(bad);
    EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument) << bad.size();
  }
}

TEST(ComparisonTable, ProjectRowsNameTheirProject) {
  jixiao::v1::CompareResponse response;
  auto fair = Row("天河区", "440106:ccpit", "天河区贸促会", 90, 1);
  fair.set_report_id("440106:ccpit/2023/project/fair");
  *response.add_rows() = fair;
  auto expo = Row("天河区", "440106:ccpit", "天河区贸促会", 80, 2);
  expo.set_report_id("440106:ccpit/2023/project/expo-2023");
  *response.add_rows() = expo;
  std::ostringstream out;
  PrintComparison(response, out);
  EXPECT_THAT(out.str(), HasSubstr("项目"));
  EXPECT_THAT(out.str(), HasSubstr("天河区贸促会  fair "));
  EXPECT_THAT(out.str(), HasSubstr("天河区贸促会  expo-2023"));
  EXPECT_THAT(out.str(), HasSubstr("2 reports, 2 ranked"));
  // A comparison of departments' own reports has no project column.
  std::ostringstream departments;
  PrintComparison(SeedsComparison(), departments);
  EXPECT_THAT(departments.str(), Not(HasSubstr("项目")));
}

TEST(RankingTable, ProjectEntriesNameTheirProject) {
  jixiao::v1::RankingResponse response;
  for (const char* project : {"fair", "expo"}) {
    auto* entry = response.add_top();
    entry->set_rank(response.top_size());
    entry->set_department_code("440106:d");
    entry->set_department_name("部门");
    entry->set_report_id(std::string("440106:d/2023/project/") + project);
    entry->set_total(90 - response.top_size());
  }
  std::ostringstream out;
  PrintRanking(response, "", out);
  EXPECT_THAT(out.str(), HasSubstr("排名  代码      部门  项目  重算得分\n"));
  EXPECT_THAT(out.str(), HasSubstr("1     440106:d  部门  fair  89.00\n"));
  EXPECT_THAT(out.str(), HasSubstr("2     440106:d  部门  expo  88.00\n"));
}

TEST(StableJson, MapsPrintInKeyOrderWithProtoFieldNames) {
  jixiao::v1::ComparisonRow row;
  for (const char* code : {"zeta", "alpha", "mu", "beta", "omega", "kappa", "delta", "eta"}) {
    (*row.mutable_group_points())[code] = 1;
  }
  row.set_fiscal_year(2023);
  const std::string json = ToStableJson(row, JsonLayout::kOneLine);
  EXPECT_EQ(json,
            "{\"fiscal_year\":2023,\"group_points\":{\"alpha\":1,\"beta\":1,\"delta\":1,"
            "\"eta\":1,\"kappa\":1,\"mu\":1,\"omega\":1,\"zeta\":1}}\n");
  const std::string indented = ToStableJson(row);
  EXPECT_THAT(indented, HasSubstr("\n \"fiscal_year\": 2023"));
  EXPECT_EQ(indented.back(), '\n');
  EXPECT_NE(indented[indented.size() - 2], '\n');
}

TEST(CredibilityTable, UnknownFiguresPrintAsDashesAndUngradedOutturnsSayWhy) {
  jixiao::v1::BudgetCredibilityResponse response;
  auto* city = response.add_departments();
  city->mutable_department()->set_code("440100:commerce");
  city->mutable_department()->set_name("广州市商务局");
  city->set_execution_percent(97.1);
  city->set_adjustment_percent(155.02);
  city->set_declared_total(93.13);
  city->set_total(93.13);
  city->set_complete(true);
  city->add_outturn_years()->set_fiscal_year(2022);
  auto* year = city->add_outturn_years();
  year->set_fiscal_year(2023);
  year->set_outturn_percent(247.63);
  city->set_outturn_not_graded_reason("no outturn for 2022");
  city->set_claimed_outruns_spending(true);
  city->set_indicator_score_rate(0.92);
  city->set_budget_execution_rate(0.7252);
  std::ostringstream out;
  PrintCredibility(response, out);
  EXPECT_THAT(out.str(), HasSubstr("+155.02%"));
  EXPECT_THAT(out.str(), HasSubstr("2022 —, 2023 247.63%"));
  EXPECT_THAT(out.str(), HasSubstr("是: 得分率 92% > 执行率 73%"));
  EXPECT_THAT(out.str(), HasSubstr("PI-1 440100:commerce: no outturn for 2022\n"));
}

TEST(StatisticsTable, SummaryAndStandings) {
  jixiao::v1::CohortStatisticsResponse response;
  response.set_fiscal_year(2023);
  response.set_cohort_size(3);
  response.set_incomplete(1);
  response.mutable_totals()->set_count(2);
  response.mutable_totals()->set_mean(90);
  response.mutable_totals()->set_median(90);
  auto* grade = response.add_grades();
  grade->set_grade("优");
  grade->set_count(2);
  auto* standing = response.add_departments();
  standing->set_department_code("440106:ccpit");
  standing->set_rank(1);
  standing->set_total(99.98);
  standing->set_complete(true);
  standing->set_percentile(75);
  standing->set_change(-0.5);
  auto* incomplete = response.add_departments();
  incomplete->set_department_code("440106:commerce-finance");
  incomplete->set_total(46.06);
  incomplete->add_missing("管理效率");
  std::ostringstream out;
  PrintStatistics(response, out);
  EXPECT_THAT(out.str(), HasSubstr("2023: 3 departments, 1 incomplete (not counted)"));
  EXPECT_THAT(out.str(), HasSubstr("n=2 mean=90.00"));
  EXPECT_THAT(out.str(), HasSubstr("grades 优=2"));
  EXPECT_THAT(out.str(), HasSubstr("75.0"));
  EXPECT_THAT(out.str(), HasSubstr("-0.50"));
  EXPECT_THAT(out.str(), HasSubstr("缺 管理效率"));
}

}  // namespace
}  // namespace jixiao::cli
