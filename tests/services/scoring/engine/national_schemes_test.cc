// A project self-evaluation under the national schemes: the two documents
// disagree between 60% and 100%, and 101号 switches weights with a cost indicator.

#include <iostream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/explanation/scorecard_text.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

using testing::ShippedPreparedScheme;
using testing::ShippedScheme;

void AddIndicator(v1::EvaluationReport& report, const std::string& level1,
                  const std::string& target, const std::string& actual) {
  v1::Indicator* indicator = report.add_indicators();
  indicator->set_id(std::to_string(report.indicators_size()));
  indicator->set_name("指标" + indicator->id());
  indicator->set_level1_code(level1);
  indicator->mutable_target()->set_text(target);
  indicator->mutable_actual()->set_text(actual);
}

// Budget 100万, spent 85万; 产出 80%, 效益 met, 满意度 85%.
v1::EvaluationReport Project() {
  v1::EvaluationReport report;
  report.set_report_id("440106:example/2024/project");
  report.set_kind(v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  report.mutable_budget()->mutable_adjusted()->set_fen(100000000);
  report.mutable_budget()->mutable_final()->set_fen(85000000);
  AddIndicator(report, "1", "≥10场", "8场");
  AddIndicator(report, "2", "≥100家", "100家");
  AddIndicator(report, "3", "≥90%", "85%");
  return report;
}

double Points(const v1::ScoreCard& card, const std::string& item_code) {
  for (const v1::ScoreLine& line : card.groups(0).lines()) {
    if (line.item_code() == item_code) return line.points();
  }
  ADD_FAILURE() << "no line " << item_code;
  return -1;
}

TEST(NationalSchemes, Mof2020_10IsProportional) {
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(Project(), ShippedPreparedScheme("mof-2020-10")));
  PrintScoreCard(card, std::cout);
  EXPECT_EQ(Points(card, "project.budget_execution"), 8.5);
  EXPECT_EQ(Points(card, "project.output"), 40);  // 80% × 50
  EXPECT_EQ(Points(card, "project.benefit"), 30);
  EXPECT_EQ(Points(card, "project.satisfaction"), 9.44);  // 85 / 90
  EXPECT_NEAR(card.total(), 87.94, 1e-9);
  EXPECT_EQ(card.grade(), "良");
  EXPECT_TRUE(card.complete());
  EXPECT_EQ(card.recomputed_share(), 1);
}

TEST(NationalSchemes, Mof2021_101IsThresholdLinearWithSteps) {
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(Project(), ShippedPreparedScheme("mof-2021-101")));
  PrintScoreCard(card, std::cout);
  EXPECT_EQ(card.variant(), "");
  EXPECT_EQ(Points(card, "project.budget_execution"), 7);  // 80–100% → 7
  EXPECT_EQ(Points(card, "project.output"), 25);           // (80 − 60) / 40 × 50
  EXPECT_EQ(Points(card, "project.benefit"), 30);
  EXPECT_EQ(Points(card, "project.satisfaction"), 8);  // ≥80% → 8
  EXPECT_NEAR(card.total(), 70, 1e-9);
  EXPECT_EQ(card.grade(), "中");
  EXPECT_EQ(card.colour(), v1::COLOUR_YELLOW);
}

TEST(NationalSchemes, ACostIndicatorSelectsTheWithCostVariant) {
  v1::EvaluationReport report = Project();
  AddIndicator(report, "4", "≤100万元", "90万元");
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(report, ShippedPreparedScheme("mof-2021-101")));
  EXPECT_EQ(card.variant(), "with_cost");
  EXPECT_EQ(Points(card, "project.cost"), 20);
  EXPECT_EQ(Points(card, "project.output"), 20);  // (80 − 60) / 40 × 40
  EXPECT_EQ(card.max(), 100);
}

TEST(NationalSchemes, AnIndicatorNoItemTakesIsReported) {
  v1::EvaluationReport report = Project();
  AddIndicator(report, "4", "≤100万元", "90万元");
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(report, ShippedPreparedScheme("mof-2020-10")));
  bool reported = false;
  for (const v1::Finding& finding : card.findings()) {
    reported |= finding.code() == "INDICATOR_NOT_SCORED" && finding.field_path() == "indicators[3]";
  }
  EXPECT_TRUE(reported);
}

TEST(NationalSchemes, ADepartmentReportIsNotScoredUnderAProjectScheme) {
  v1::EvaluationReport report = Project();
  report.set_kind(v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  absl::StatusOr<v1::ScoreCard> card = ScoreReport(report, ShippedPreparedScheme("mof-2020-10"));
  EXPECT_EQ(card.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(NationalSchemes, AnInvalidSchemeIsAnErrorNotACrash) {
  // The engine takes only prepared schemes: an invalid one fails to prepare.
  v1::Scheme scheme = ShippedScheme("mof-2020-10", 1);
  scheme.mutable_groups(0)->mutable_items(0)->set_max(11);
  absl::StatusOr<PreparedScheme> prepared = PreparedScheme::Prepare(scheme);
  EXPECT_EQ(prepared.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(prepared.status().message()),
              ::testing::HasSubstr("scheme mof-2020-10 v1 is not valid: "));
  EXPECT_FALSE(PreparedScheme::Prepare(v1::Scheme()).ok());
}

}  // namespace
}  // namespace jixiao::scoring
