#include "common/domain/validation/report_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "absl/strings/str_cat.h"
#include "common/domain/report_id/report_id.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/message_limits.h"

namespace jixiao::validation {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;
using ::testing::UnorderedElementsAre;

jixiao::v1::EvaluationReport FromJson(const std::string& json) {
  jixiao::v1::EvaluationReport report;
  const auto status = report_json::ParseJson(json, &report);
  EXPECT_TRUE(status.ok()) << status;
  return report;
}

// A minimal valid report; tests break one thing at a time.
constexpr char kValid[] = R"({
  "kind": "REPORT_KIND_DEPARTMENT_SELF_EVALUATION",
  "fiscal_year": 2023,
  "department": {"code": "440106:ccpit", "name": "天河区贸促会",
                 "district": {"code": "440106", "name": "天河区"},
                 "level": "ADMINISTRATIVE_LEVEL_DISTRICT", "sector_tags": ["trade-promotion"]},
  "budget": {"initial": {"fen": "616960000"}, "adjusted": {"fen": "603170000"},
             "final": {"fen": "602050000"}, "stated_execution_percent": "99.81"},
  "indicators": [{"id": "1", "level1_code": "3", "level2_code": "31", "name": "服务对象满意度",
                  "target": {"text": "95%"}, "actual": {"text": "100%"},
                  "weight": 10, "declared_score": 10}],
  "management_items": [{"code": "management.budgeting", "name": "预算编制", "weight": 3,
                        "declared_score": 3}],
  "declared": {"total": 13, "subtotals": [
      {"code": "effectiveness", "name": "履职效能", "max": 50, "score": 10},
      {"code": "management", "name": "管理效率", "max": 50, "score": 3}]}
})";

std::vector<std::string> Fields(const FieldViolations& violations) {
  std::vector<std::string> fields;
  for (const auto& v : violations) fields.push_back(v.field);
  return fields;
}

TEST(ValidateReport, AcceptsAValidReport) {
  EXPECT_THAT(Fields(ValidateReport(FromJson(kValid))), IsEmpty());
  EXPECT_THAT(CheckReportConsistency(FromJson(kValid)), IsEmpty());
}

TEST(ValidateReport, NamesEachViolationByFieldPath) {
  auto report = FromJson(kValid);
  report.set_kind(jixiao::v1::REPORT_KIND_UNSPECIFIED);
  report.set_fiscal_year(1999);
  report.mutable_department()->set_code("ccpit");
  report.mutable_budget()->mutable_final()->set_fen(-1);
  report.mutable_indicators(0)->set_level2_code("21");
  report.mutable_indicators(0)->set_declared_score(11);
  report.mutable_indicators(0)->add_tags("Core");
  report.mutable_management_items(0)->set_code("Management");
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("kind", "fiscal_year", "department.code", "budget.final.fen",
                                   "indicators[0].level2_code", "indicators[0].declared_score",
                                   "indicators[0].tags[0]", "management_items[0].code"));
}

TEST(ValidateReport, ChecksNestedItemsBreakdownsAndReportId) {
  auto report = FromJson(kValid);
  report.set_report_id("somebody-else/2023/department");
  auto* item = report.mutable_management_items(0)->add_sub_items();
  item->set_code("management.execution.carry_over_rate");  // not under management.budgeting
  item->set_name("结转结余率");
  item->set_weight(2);
  auto* breakdown = report.mutable_budget()->add_breakdowns();
  breakdown->set_dimension(jixiao::v1::BREAKDOWN_DIMENSION_NATURE);
  breakdown->add_lines()->set_category("wages_welfare");
  breakdown->mutable_lines(0)->set_stated_share_percent("12%");
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("report_id", "management_items[0].sub_items[0].code",
                                   "budget.breakdowns[0].lines[0].category",
                                   "budget.breakdowns[0].lines[0].stated_share_percent"));
}

TEST(ValidateReport, DerivesIds) {
  const auto report = FromJson(kValid);
  EXPECT_EQ(report_id::Of(report), "440106:ccpit/2023/department");
  jixiao::v1::ProjectTargetTable table;
  *table.mutable_department() = report.department();
  table.set_fiscal_year(2024);
  EXPECT_EQ(report_id::OfTargetTable(table), "440106:ccpit/2024/targets");
}

TEST(ValidateReport, DerivesProjectAndEvaluationIdsWithTheProjectCode) {
  auto report = FromJson(kValid);
  report.set_kind(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  report.set_project_code("44010623-001");
  EXPECT_EQ(report_id::Of(report), "440106:ccpit/2023/project/44010623-001");
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());

  report.set_kind(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  report.mutable_evaluator()->set_kind(jixiao::v1::EVALUATOR_KIND_THIRD_PARTY);
  report.mutable_evaluator()->set_name("云南泛正会计师事务所(普通合伙)");
  report.set_period_start_year(2021);
  EXPECT_EQ(report_id::Of(report), "440106:ccpit/2023/evaluation/44010623-001");
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());
  report.set_report_id("440106:ccpit/2023/evaluation/44010623-001");
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());
  report.set_report_id("440106:ccpit/2023/evaluation");
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("report_id"));
}

TEST(ValidateReport, RequiresAProjectCodeExactlyForProjectKinds) {
  auto report = FromJson(kValid);
  report.set_project_code("p1");
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("project_code"));

  report.set_kind(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  report.set_project_code("");
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("project_code"));
  for (const char* bad : {"Trade-Fair", "a/b", "展会", "a b"}) {
    report.set_project_code(bad);
    EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("project_code")) << bad;
  }
  for (const char* good : {"trade-fair_2023", "44010623001", "x"}) {
    report.set_project_code(good);
    EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty()) << good;
  }
  // An evaluator and a period belong to external evaluations only.
  report.mutable_evaluator()->set_name("某财政局");
  report.set_period_start_year(2021);
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("evaluator", "period_start_year"));
}

TEST(ValidateReport, ChecksAnExternalEvaluationsEvaluatorAndPeriod) {
  auto report = FromJson(kValid);
  report.set_kind(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  report.set_project_code("trade-fair");
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("evaluator.name", "evaluator.kind"));
  report.mutable_evaluator()->set_name("广州市财政局");
  report.mutable_evaluator()->set_kind(jixiao::v1::EVALUATOR_KIND_FINANCE_DEPARTMENT);
  for (int start : {0, 2013, 2020, 2023}) {
    report.set_period_start_year(start);
    EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty()) << start;
  }
  for (int start : {1999, 2012, 2024, -1}) {
    report.set_period_start_year(start);
    EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("period_start_year")) << start;
  }
}

TEST(ValidateReport, AcceptsTownshipsWithTheirLongerDivisionCodes) {
  auto report = FromJson(kValid);
  auto* department = report.mutable_department();
  department->set_code("440106001:shahe-office");
  department->mutable_district()->set_code("440106001");
  department->mutable_district()->set_name("沙河街道");
  department->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP);
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());
  EXPECT_EQ(report_id::Of(report), "440106001:shahe-office/2023/department");
  department->set_code("440106001001:community");
  department->mutable_district()->set_code("440106001001");
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());

  // The level and the code's length must agree.
  department->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("department.level"));
  department->set_code("440106:ccpit");
  department->mutable_district()->set_code("440106");
  department->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP);
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("department.level"));
  // Seven digits are no division code; the department's must still equal the district's.
  department->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  department->set_code("4401060:ccpit");
  department->mutable_district()->set_code("4401060");
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("department.code", "department.district.code"));
  department->set_code("440106001:ccpit");
  department->mutable_district()->set_code("440106002");
  department->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP);
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("department.code"));
}

TEST(ValidateReport, AcceptsIndicatorsAsNationalFormsPrintThem) {
  auto report = FromJson(kValid);
  auto* indicator = report.mutable_indicators(0);
  // The form folds the target into the name, and prints no 二级指标.
  indicator->mutable_target()->set_text("");
  indicator->set_level2_code("");
  indicator->add_tags("core");
  indicator->add_tags("cost-control");
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());
  // With nothing to score it by, the target is missed after all.
  indicator->mutable_actual()->set_text("");
  indicator->clear_weight();
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());  // the declared score remains
  indicator->clear_declared_score();
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("indicators[0].target.text"));
  indicator->mutable_target()->set_text("95%");
  indicator->set_level2_code("99");
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("indicators[0].level2_code"));
}

TEST(ValidateReport, ChecksTheYearsOfAnEvaluationsBudget) {
  auto report = FromJson(kValid);
  report.set_kind(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  report.set_project_code("trade-fair");
  report.mutable_evaluator()->set_name("广州市财政局");
  report.mutable_evaluator()->set_kind(jixiao::v1::EVALUATOR_KIND_FINANCE_DEPARTMENT);
  report.set_period_start_year(2021);
  for (int year : {2021, 2022, 2023}) {
    auto* budget_year = report.mutable_budget()->add_years();
    budget_year->set_fiscal_year(year);
    budget_year->mutable_adjusted()->set_fen(100);
    budget_year->mutable_final()->set_fen(90);
    budget_year->set_stated_execution_percent("90.00");
  }
  EXPECT_THAT(Fields(ValidateReport(report)), IsEmpty());
  report.mutable_budget()->mutable_years(0)->set_fiscal_year(2020);
  report.mutable_budget()->mutable_years(1)->mutable_final()->set_fen(-1);
  report.mutable_budget()->mutable_years(2)->set_fiscal_year(2022);
  report.mutable_budget()->mutable_years(2)->set_stated_execution_percent("ninety");
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("budget.years[0].fiscal_year", "budget.years[1].final.fen",
                                   "budget.years[2].fiscal_year",
                                   "budget.years[2].stated_execution_percent"));
  // A single-year report's budget years are that year alone.
  report.set_period_start_year(0);
  report.mutable_budget()->clear_years();
  report.mutable_budget()->add_years()->set_fiscal_year(2022);
  EXPECT_THAT(Fields(ValidateReport(report)), UnorderedElementsAre("budget.years[0].fiscal_year"));
}

std::vector<std::string> Codes(const std::vector<jixiao::v1::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code() + "@" + f.field_path());
  return out;
}

TEST(CheckReportConsistency, FlagsRatesThatDisagreeWithTheirAmounts) {
  auto report = FromJson(kValid);
  report.mutable_budget()->set_stated_execution_percent("97.81");
  report.mutable_budget()->set_stated_adjustment_percent("-1.00");  // is -2.24
  EXPECT_THAT(Codes(CheckReportConsistency(report)),
              UnorderedElementsAre("EXECUTION_RATE_MISMATCH@budget.stated_execution_percent",
                                   "ADJUSTMENT_RATE_MISMATCH@budget.stated_adjustment_percent"));
}

TEST(CheckReportConsistency, FlagsPartsThatDoNotAddUp) {
  auto report = FromJson(kValid);
  auto* breakdown = report.mutable_budget()->add_breakdowns();
  breakdown->set_dimension(jixiao::v1::BREAKDOWN_DIMENSION_NATURE);
  breakdown->add_lines()->mutable_final()->set_fen(574'130'000);
  breakdown->add_lines()->mutable_final()->set_fen(20'000'000);  // 27.92 万元 in the report
  EXPECT_THAT(Codes(CheckReportConsistency(report)),
              Contains("BREAKDOWN_SUM_MISMATCH@budget.breakdowns[0]"));
  breakdown->mutable_lines(1)->mutable_final()->set_fen(27'920'000);
  EXPECT_THAT(CheckReportConsistency(report), IsEmpty());
}

TEST(CheckReportConsistency, FlagsDeclaredScoresThatDoNotAddUp) {
  auto report = FromJson(kValid);
  report.mutable_declared()->set_total(14);
  report.mutable_declared()->mutable_subtotals(1)->set_score(2.5);  // items say 3
  EXPECT_THAT(Codes(CheckReportConsistency(report)),
              UnorderedElementsAre("SUBSCORE_SUM_MISMATCH@management_items",
                                   "SUBSCORE_SUM_MISMATCH@declared.total"));
}

TEST(CheckTargetTableConsistency, ToleratesPublishedRoundingOfManyParts) {
  jixiao::v1::ProjectTargetTable table;
  table.mutable_total()->set_fen(3'000'000);  // 3.00 万元
  for (int i = 0; i < 3; ++i) table.add_projects()->mutable_total()->set_fen(1'005'000);
  EXPECT_THAT(CheckTargetTableConsistency(table), IsEmpty());  // off by 0.015 万元 over 3 parts
  table.mutable_projects(0)->mutable_total()->set_fen(1'500'000);
  EXPECT_THAT(Codes(CheckTargetTableConsistency(table)),
              UnorderedElementsAre("BREAKDOWN_SUM_MISMATCH@total"));
}

// Sums of amounts past int64_t were signed overflow (undefined behaviour; in practice a
// negative sum and a wrong warning). A valid target table reaches them: 1,000 projects of
// the largest amount (fuzz/regressions/request_validation/valid-table-sum-past-int64).
TEST(CheckTargetTableConsistency, AddsUpAValidTablePastInt64) {
  jixiao::v1::ProjectTargetTable table;
  table.set_fiscal_year(2024);
  auto* department = table.mutable_department();
  department->set_code("440106:ccpit");
  department->set_name("天河区贸促会");
  department->mutable_district()->set_code("440106");
  department->mutable_district()->set_name("天河区");
  department->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  department->add_sector_tags("trade-promotion");
  table.mutable_total()->set_fen(kMaxMoneyFen);
  for (int i = 0; i < 1000; ++i) {
    auto* project = table.add_projects();
    project->set_name(absl::StrCat("项目", i));
    project->mutable_total()->set_fen(kMaxMoneyFen);
  }
  ASSERT_THAT(Fields(ValidateTargetTable(table)), IsEmpty());
  const auto findings = CheckTargetTableConsistency(table);
  ASSERT_THAT(Codes(findings), ElementsAre("BREAKDOWN_SUM_MISMATCH@total"));
  EXPECT_THAT(findings[0].message(), HasSubstr("各项目总计合计 10000000000000 万元"));
}

// The same in a report's breakdown, as `jixiao validate` checks reports it refuses too.
TEST(CheckReportConsistency, AddsUpAmountsPastInt64) {
  auto report = FromJson(kValid);
  report.mutable_budget()->clear_final();
  auto* breakdown = report.mutable_budget()->add_breakdowns();
  breakdown->set_dimension(jixiao::v1::BREAKDOWN_DIMENSION_NATURE);
  for (int i = 0; i < 2; ++i) {
    auto* line = breakdown->add_lines();
    line->mutable_final()->set_fen(std::numeric_limits<int64_t>::max());
    line->set_stated_share_percent("50");
  }
  EXPECT_THAT(CheckReportConsistency(report), IsEmpty());  // each line is half of the lines' sum
  report.mutable_budget()->mutable_final()->set_fen(1'000'000);
  const auto findings = CheckReportConsistency(report);
  EXPECT_THAT(Codes(findings), Contains("BREAKDOWN_SUM_MISMATCH@budget.breakdowns[0]"));
  EXPECT_THAT(findings, Contains(Property(&jixiao::v1::Finding::message,
                                          HasSubstr("合计 18446744073709 万元"))));
}

}  // namespace
}  // namespace jixiao::validation
