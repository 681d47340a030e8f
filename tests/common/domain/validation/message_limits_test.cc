// The bounds every submitted report is held to before anything else reads it, and the
// validator's work staying linear at those bounds.

#include "common/domain/validation/message_limits.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/domain/validation/report_validator.h"

namespace jixiao::validation {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

jixiao::v1::Indicator& AddIndicator(jixiao::v1::EvaluationReport& report, const std::string& id) {
  jixiao::v1::Indicator& indicator = *report.add_indicators();
  indicator.set_id(id);
  indicator.set_level1_code("1");
  indicator.set_name("举办活动场次");
  indicator.mutable_target()->set_text("≥2场");
  return indicator;
}

// A valid department report with one indicator; tests push one thing past a bound.
jixiao::v1::EvaluationReport ValidReport() {
  jixiao::v1::EvaluationReport report;
  report.set_kind(jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  report.set_fiscal_year(2023);
  jixiao::v1::Department& department = *report.mutable_department();
  department.set_code("440106:ccpit");
  department.set_name("天河区贸促会");
  department.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  department.mutable_district()->set_code("440106");
  department.mutable_district()->set_name("天河区");
  AddIndicator(report, "1");
  return report;
}

// The violations as "field: description".
std::vector<std::string> Described(const FieldViolations& violations) {
  std::vector<std::string> described;
  for (const FieldViolation& v : violations) described.push_back(v.field + ": " + v.description);
  return described;
}

TEST(MessageLimitsTest, AValidReportIsWithinEveryLimit) {
  EXPECT_THAT(CheckMessageLimits(ValidReport()), IsEmpty());
  EXPECT_THAT(ValidateReport(ValidReport()), IsEmpty());
}

TEST(MessageLimitsTest, NotANumberAndInfinitiesAreRefusedWhereTheyStand) {
  jixiao::v1::EvaluationReport report = ValidReport();
  report.mutable_declared()->set_total(std::nan(""));
  report.mutable_indicators(0)->set_weight(std::numeric_limits<double>::infinity());
  report.mutable_indicators(0)->mutable_actual()->mutable_parsed()->set_number(-1e300);
  EXPECT_THAT(Described(ValidateReport(report)),
              ElementsAre("indicators[0].actual.parsed.number: must be within ±1e+15, got -1e+300",
                          "indicators[0].weight: must be a finite number",
                          "declared.total: must be a finite number"));
}

TEST(MessageLimitsTest, ALongStringIsRefusedWithItsSize) {
  jixiao::v1::EvaluationReport report = ValidReport();
  report.mutable_department()->set_name(std::string(3 * 1024 * 1024, 'x'));
  report.add_problems(std::string(kMaxStringBytes, 'y'));  // at the limit: kept
  EXPECT_THAT(Described(ValidateReport(report)),
              ElementsAre("department.name: is 3145728 bytes, more than the limit of 16384"));
}

TEST(MessageLimitsTest, ALongListIsRefusedWithoutReadingItsEntries) {
  jixiao::v1::EvaluationReport report = ValidReport();
  for (int i = 0; i < kMaxListLength; ++i) AddIndicator(report, "").set_weight(std::nan(""));
  EXPECT_THAT(Described(ValidateReport(report)),
              ElementsAre("indicators: holds 2001 entries, more than the limit of 2000"));
}

TEST(MessageLimitsTest, MoneyAndPointsBeyondAnyBudgetAreRefused) {
  jixiao::v1::EvaluationReport report = ValidReport();
  report.mutable_budget()->mutable_final()->set_fen(std::numeric_limits<int64_t>::max());
  EXPECT_THAT(Described(ValidateReport(report)),
              ElementsAre("budget.final.fen: must be within ±10000000000000000 分 (100 trillion "
                          "yuan), got 9223372036854775807"));

  report = ValidReport();
  report.mutable_indicators(0)->set_weight(1e6);
  report.mutable_indicators(0)->set_declared_score(1e6);
  EXPECT_THAT(Described(ValidateReport(report)),
              ElementsAre("indicators[0].weight: must be at most 10000 points, got 1e+06",
                          "indicators[0].declared_score: must be at most 10000 points, got 1e+06"));
}

TEST(MessageLimitsTest, DeepNestingIsRefusedAtTheDepthItPasses) {
  jixiao::v1::EvaluationReport report = ValidReport();
  jixiao::v1::AssessedItem* item = report.add_management_items();
  for (int depth = 0; depth < 20; ++depth) item = item->add_sub_items();
  // The report is the first message, the item the second: the eleventh sub-item is the
  // thirteenth message.
  std::string path = "management_items[0]";
  for (int level = 1; level <= kMaxNestingDepth - 1; ++level) path += ".sub_items[0]";
  const FieldViolations violations = CheckMessageLimits(report);
  ASSERT_THAT(violations, SizeIs(1));
  EXPECT_EQ(violations[0].field, path);
  EXPECT_THAT(violations[0].description, HasSubstr("deeper than the limit of 12"));
}

TEST(MessageLimitsTest, RepeatedIndicatorIdsAreRefusedWithinAList) {
  jixiao::v1::EvaluationReport report = ValidReport();
  AddIndicator(report, "2");
  AddIndicator(report, "1");
  AddIndicator(report, "");  // unnumbered indicators repeat nothing
  AddIndicator(report, "");
  report.add_projects()->set_name("项目");
  *report.mutable_projects(0)->add_indicators() = report.indicators(0);  // another list
  EXPECT_THAT(Described(ValidateReport(report)),
              ElementsAre("indicators[2].id: repeats the id of indicators[0]"));
}

// Every repeat is found against its first occurrence, once: a report at the list limits,
// all of whose breakdown lines, years and indicator ids repeat, has exactly one violation
// per repeated entry (a check comparing each entry with every earlier one would find about
// six million), and lists no more than kMaxListedViolations of them.
TEST(MessageLimitsTest, AReportAtTheLimitsIsValidatedInOnePass) {
  jixiao::v1::EvaluationReport report = ValidReport();
  jixiao::v1::BudgetBreakdown& breakdown = *report.mutable_budget()->add_breakdowns();
  breakdown.set_dimension(jixiao::v1::BREAKDOWN_DIMENSION_NATURE);
  for (int i = 0; i < kMaxListLength; ++i) {
    breakdown.add_lines()->set_category("basic");
    report.mutable_budget()->add_years()->set_fiscal_year(2023);
    if (i > 0) AddIndicator(report, "1");
  }
  ASSERT_THAT(CheckMessageLimits(report), IsEmpty());

  const FieldViolations violations = ValidateReport(report);
  const int repeats = 3 * (kMaxListLength - 1);
  ASSERT_THAT(violations, SizeIs(kMaxListedViolations + 1));
  EXPECT_EQ(violations.back().description,
            absl::StrCat(repeats - kMaxListedViolations, " more violations are not listed"));
  EXPECT_EQ(violations.front().field, "budget.breakdowns[0].lines[1].category");
}

}  // namespace
}  // namespace jixiao::validation
