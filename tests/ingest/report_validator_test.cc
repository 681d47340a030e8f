#include "services/ingest/validation/report_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/report_io/json_codec.h"
#include "services/ingest/validation/consistency_checker.h"

namespace jixiao::ingest {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

jixiao::v1::EvaluationReport FromJson(const std::string& json) {
  jixiao::v1::EvaluationReport report;
  const auto status = report_io::ParseJson(json, &report);
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
  report.mutable_indicators(0)->mutable_target()->set_text("");
  report.mutable_management_items(0)->set_code("Management");
  EXPECT_THAT(Fields(ValidateReport(report)),
              UnorderedElementsAre("kind", "fiscal_year", "department.code", "budget.final.fen",
                                   "indicators[0].level2_code", "indicators[0].declared_score",
                                   "indicators[0].target.text", "management_items[0].code"));
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
  EXPECT_EQ(DeriveReportId(report), "440106:ccpit/2023/department");
  jixiao::v1::ProjectTargetTable table;
  *table.mutable_department() = report.department();
  table.set_fiscal_year(2024);
  EXPECT_EQ(DeriveTargetTableId(table), "440106:ccpit/2024/targets");
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

}  // namespace
}  // namespace jixiao::ingest
