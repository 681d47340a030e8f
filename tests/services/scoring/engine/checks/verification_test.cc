// Self-score verification and inflation signals: the declared scores against
// the recomputed ones, and the report's declared figures against each other.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/services/scoring/engine/scoring_test_support.h"

namespace jixiao::scoring {
namespace {

using ::testing::HasSubstr;
using testing::SeedReport;
using testing::ShippedPreparedScheme;

v1::ScoreCard Score(const v1::EvaluationReport& report) {
  absl::StatusOr<v1::ScoreCard> card =
      ScoreReport(report, ShippedPreparedScheme("guangzhou-department"));
  EXPECT_TRUE(card.ok()) << card.status();
  return card.ok() ? *card : v1::ScoreCard();
}

const v1::Finding* Find(const v1::ScoreCard& card, const std::string& code,
                        const std::string& path) {
  for (const v1::Finding& finding : card.findings()) {
    if (finding.code() == code && finding.field_path() == path) return &finding;
  }
  return nullptr;
}

v1::Indicator* IndicatorById(v1::EvaluationReport& report, const std::string& id) {
  for (v1::Indicator& indicator : *report.mutable_indicators()) {
    if (indicator.id() == id) return &indicator;
  }
  ADD_FAILURE() << "no indicator " << id;
  return report.add_indicators();
}

TEST(Verification, AnOverClaimedItemNamesTheIndicatorsThatLostPoints) {
  v1::EvaluationReport report = SeedReport("tianhe-commerce-finance-bureau-2023");
  v1::AssessedItem* output = report.add_effectiveness_items();
  output->set_code("effectiveness.output");
  output->set_name("部门整体绩效目标产出指标完成情况");
  output->set_weight(10);
  output->set_declared_score(10);
  const v1::ScoreCard card = Score(report);
  const v1::Finding* finding =
      Find(card, "DECLARED_ABOVE_RECOMPUTED", "effectiveness_items[0].declared_score");
  ASSERT_NE(finding, nullptr);
  EXPECT_EQ(finding->severity(), v1::SEVERITY_WARNING);
  EXPECT_THAT(finding->message(),
              HasSubstr("declared 部门整体绩效目标产出指标完成情况 10/10, recomputed 8.64"));
  EXPECT_THAT(finding->message(),
              HasSubstr("indicator 产出-6 商贸业项目申报验收工作完成情况 was completed at 0%"));
}

TEST(Verification, IndicatorGroupAndTotalDifferencesAreEachFound) {
  v1::EvaluationReport report = SeedReport("tianhe-ccpit-2023");
  IndicatorById(report, "效益-2")->mutable_actual()->set_text("50%");  // declared 10/10 anyway
  const v1::ScoreCard card = Score(report);
  EXPECT_NEAR(card.total(), 95.24, 0.001);  // 50/95 × 10 = 5.26 instead of 10
  EXPECT_NE(Find(card, "DECLARED_ABOVE_RECOMPUTED", "indicators[3].declared_score"), nullptr);
  EXPECT_NE(Find(card, "DECLARED_ABOVE_RECOMPUTED", "effectiveness_items[1].declared_score"),
            nullptr);
  EXPECT_NE(Find(card, "DECLARED_ABOVE_RECOMPUTED", "declared.subtotals[effectiveness]"), nullptr);
  const v1::Finding* total = Find(card, "DECLARED_ABOVE_RECOMPUTED", "declared.total");
  ASSERT_NE(total, nullptr);
  EXPECT_THAT(total->message(), HasSubstr("declared total 99.98/100, recomputed 95.24"));
  EXPECT_NEAR(card.signals().declared_minus_recomputed(), 4.74, 0.001);
}

TEST(Verification, ADeclaredGradeTheTotalDoesNotReachIsFound) {
  v1::EvaluationReport report = SeedReport("tianhe-ccpit-2023");
  IndicatorById(report, "产出-1")->set_stated_completion_percent("0");
  IndicatorById(report, "产出-2")->set_stated_completion_percent("0");
  IndicatorById(report, "效益-2")->mutable_actual()->set_text("10%");
  const v1::ScoreCard card = Score(report);
  EXPECT_EQ(card.grade(), "良");
  ASSERT_NE(Find(card, "DECLARED_GRADE_MISMATCH", "declared.grade"), nullptr);
}

TEST(Verification, DeclaredFiguresThatDoNotAddUpAreFound) {
  v1::EvaluationReport report = SeedReport("tianhe-ccpit-2023");
  report.mutable_declared()->set_total(100);  // the subtotals are 49.98 and 50
  const v1::ScoreCard card = Score(report);
  EXPECT_NE(Find(card, "DECLARED_SUM_MISMATCH", "declared.total"), nullptr);
  EXPECT_NE(Find(card, "DECLARED_ABOVE_RECOMPUTED", "declared.total"), nullptr);
}

TEST(Verification, KeyTaskScoresMustMatchTheItemsTheyMakeUp) {
  v1::EvaluationReport report = SeedReport("guangzhou-commerce-bureau-2023");
  report.mutable_key_tasks(0)->set_declared_score(
      6.5);  // 19.25 over the tasks, 18.5 over the items
  const v1::ScoreCard card = Score(report);
  const v1::Finding* finding = Find(card, "KEY_TASK_SCORES_MISMATCH", "key_tasks");
  ASSERT_NE(finding, nullptr);
  EXPECT_THAT(finding->message(), HasSubstr("19.25/20"));
  EXPECT_THAT(finding->message(), HasSubstr("18.5/20"));
}

TEST(Verification, AWeightThatDiffersFromTheSchemeIsFound) {
  v1::EvaluationReport report = SeedReport("guangzhou-commerce-bureau-2023");
  report.mutable_effectiveness_items(0)->set_weight(20);
  EXPECT_NE(Find(Score(report), "DECLARED_WEIGHT_DIFFERS", "effectiveness_items[0].weight"),
            nullptr);
}

TEST(Verification, NoManagementScoresMakeTheCardIncompleteWithoutAGrade) {
  const v1::ScoreCard card = Score(SeedReport("tianhe-commerce-finance-bureau-2023"));
  EXPECT_FALSE(card.complete());
  EXPECT_EQ(card.grade(), "");
  EXPECT_EQ(card.colour(), v1::COLOUR_UNSPECIFIED);
  EXPECT_NE(Find(card, "SCORE_INCOMPLETE", "management"), nullptr);
  EXPECT_FALSE(card.signals().has_declared_minus_recomputed());
}

TEST(Verification, AManagementSubtotalAloneIsTakenAsOneDeclaredLine) {
  v1::EvaluationReport report = SeedReport("tianhe-commerce-finance-bureau-2023");
  v1::DeclaredSubtotal* subtotal = report.mutable_declared()->add_subtotals();
  subtotal->set_code("management");
  subtotal->set_score(45);
  const v1::ScoreCard card = Score(report);
  EXPECT_TRUE(card.complete());
  ASSERT_EQ(card.groups(1).lines_size(), 1);
  EXPECT_EQ(card.groups(1).lines(0).reason_code(), "DECLARED_GROUP");
  EXPECT_EQ(card.groups(1).points(), 45);
  EXPECT_NEAR(card.total(), 91.06, 0.001);
}

TEST(InflationSignals, OvershootSharesAndSpending) {
  const v1::ScoreCard card = Score(SeedReport("tianhe-commerce-finance-bureau-2023"));
  // 18 quantitative indicators with a rate (持平 has none): 5 above 150%, 8 above 120%.
  EXPECT_NEAR(card.signals().share_above_150(), 0.2778, 1e-4);
  EXPECT_NEAR(card.signals().share_above_120(), 0.4444, 1e-4);
  EXPECT_FALSE(card.signals().uniform_full_completion());
  EXPECT_NEAR(card.signals().indicator_score_rate(), 0.808, 1e-4);
  EXPECT_NEAR(card.signals().budget_execution_rate(), 0.9854, 1e-4);
  EXPECT_FALSE(card.signals().outruns_spending());
}

}  // namespace
}  // namespace jixiao::scoring
