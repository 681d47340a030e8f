// The seed reports scored under the shipped schemes: the declared totals are
// reproduced, every line the report itemizes is recomputed, and the rest is
// marked as declared or missing.

#include <iostream>
#include <string>

#include "gtest/gtest.h"
#include "services/scoring/engine/explanation/scorecard_text.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

using testing::SeedReport;
using testing::ShippedPreparedScheme;

constexpr double kCent = 0.01;

v1::ScoreCard Score(const std::string& seed, const std::string& scheme_id) {
  absl::StatusOr<v1::ScoreCard> card =
      ScoreReport(SeedReport(seed), ShippedPreparedScheme(scheme_id));
  EXPECT_TRUE(card.ok()) << card.status();
  if (!card.ok()) return {};
  std::cout << "\n";
  PrintScoreCard(*card, std::cout);
  return *card;
}

const v1::ScoreGroup& Group(const v1::ScoreCard& card, const std::string& code) {
  for (const v1::ScoreGroup& group : card.groups()) {
    if (group.code() == code) return group;
  }
  ADD_FAILURE() << "no group " << code;
  return v1::ScoreGroup::default_instance();
}

const v1::ScoreLine& Line(const v1::ScoreCard& card, const std::string& item_code) {
  for (const v1::ScoreGroup& group : card.groups()) {
    for (const v1::ScoreLine& line : group.lines()) {
      if (line.item_code() == item_code) return line;
    }
  }
  ADD_FAILURE() << "no line " << item_code;
  return v1::ScoreLine::default_instance();
}

const v1::ScoreLine& Indicator(const v1::ScoreLine& item, const std::string& id) {
  for (const v1::ScoreLine& sub : item.sub_lines()) {
    if (sub.indicator_id() == id) return sub;
  }
  ADD_FAILURE() << "no indicator " << id << " under " << item.item_code();
  return v1::ScoreLine::default_instance();
}

bool HasFinding(const v1::ScoreCard& card, const std::string& code) {
  for (const v1::Finding& finding : card.findings()) {
    if (finding.code() == code) return true;
  }
  return false;
}

TEST(SeedScorecards, GuangzhouCommerceBureau2023ReproducesDeclared93_13) {
  const v1::ScoreCard card = Score("guangzhou-commerce-bureau-2023", "guangzhou-department");
  EXPECT_EQ(card.variant(), "");
  EXPECT_NEAR(card.total(), 93.13, kCent);
  EXPECT_NEAR(Group(card, "effectiveness").points(), 47.13, kCent);
  EXPECT_NEAR(Group(card, "management").points(), 46, kCent);
  EXPECT_TRUE(card.complete());
  EXPECT_EQ(card.grade(), "优");
  EXPECT_EQ(card.colour(), v1::COLOUR_GREEN);

  // 72.52% × 5 = 3.63, recomputed from the stated scoring rate.
  const v1::ScoreLine& execution = Line(card, "effectiveness.budget_execution");
  EXPECT_NEAR(execution.points(), 3.63, kCent);
  EXPECT_EQ(execution.provenance(), v1::PROVENANCE_RECOMPUTED);
  EXPECT_EQ(execution.reason_code(), "EXECUTION_LINEAR_CAPPED");

  // Per-task scores but no indicator targets and actuals: declared.
  const v1::ScoreLine& output = Line(card, "effectiveness.output");
  EXPECT_NEAR(output.points(), 9, kCent);
  EXPECT_EQ(output.provenance(), v1::PROVENANCE_DECLARED);
  EXPECT_EQ(output.reason_code(), "DECLARED_NOT_ITEMIZED");
  const v1::ScoreLine& benefit = Line(card, "effectiveness.benefit");
  EXPECT_NEAR(benefit.points(), 9.5, kCent);
  EXPECT_EQ(benefit.provenance(), v1::PROVENANCE_DECLARED);

  // Special funds recomputed: all indicators met, 100% spent.
  const v1::ScoreLine& fund_performance = Line(card, "effectiveness.special_fund_performance");
  EXPECT_NEAR(fund_performance.points(), 20, kCent);
  EXPECT_EQ(fund_performance.provenance(), v1::PROVENANCE_RECOMPUTED);
  const v1::ScoreLine& fund_execution = Line(card, "effectiveness.special_fund_execution");
  EXPECT_NEAR(fund_execution.points(), 5, kCent);
  EXPECT_EQ(fund_execution.provenance(), v1::PROVENANCE_RECOMPUTED);

  // 管理效率 declared, with the sub-items the report gives.
  for (const v1::ScoreLine& line : Group(card, "management").lines()) {
    EXPECT_EQ(line.provenance(), v1::PROVENANCE_DECLARED) << line.item_code();
  }
  const v1::ScoreLine& execution_management = Line(card, "management.execution");
  EXPECT_NEAR(execution_management.points(), 2, kCent);
  ASSERT_EQ(execution_management.sub_lines_size(), 2);
  EXPECT_NEAR(execution_management.sub_lines(1).points(), 0,
              kCent);  // 财务管理合规性: 4 audit findings

  EXPECT_NEAR(card.recomputed_share(), 0.30, 1e-9);  // 5 + 20 + 5 of 100
  ASSERT_TRUE(card.has_declared_total());
  EXPECT_NEAR(card.signals().declared_minus_recomputed(), 0, kCent);
  EXPECT_FALSE(HasFinding(card, "DECLARED_ABOVE_RECOMPUTED"));
  // Indicator items claimed at 18.5/20 while 72.52% of the budget was spent.
  EXPECT_TRUE(card.signals().outruns_spending());
  EXPECT_TRUE(HasFinding(card, "SCORE_OUTRUNS_SPENDING"));
  EXPECT_TRUE(HasFinding(card, "INDICATORS_PARTIALLY_ITEMIZED") ||
              output.explanation().find("27") != std::string::npos);
}

TEST(SeedScorecards, TianheCcpit2023ReproducesDeclared99_98UnderNoSpecialFunds) {
  const v1::ScoreCard card = Score("tianhe-ccpit-2023", "guangzhou-department");
  EXPECT_EQ(card.variant(), "no_special_funds");
  EXPECT_NEAR(card.total(), 99.98, kCent);
  EXPECT_NEAR(Group(card, "effectiveness").points(), 49.98, kCent);
  EXPECT_NEAR(Group(card, "management").points(), 50, kCent);
  EXPECT_TRUE(card.complete());
  EXPECT_EQ(card.grade(), "优");
  EXPECT_EQ(card.declared_grade(), "优");

  const v1::ScoreLine& output = Line(card, "effectiveness.output");
  EXPECT_EQ(output.max(), 20);
  EXPECT_NEAR(output.points(), 20, kCent);
  EXPECT_EQ(output.provenance(), v1::PROVENANCE_RECOMPUTED);
  EXPECT_EQ(output.sub_lines_size(), 2);
  const v1::ScoreLine& benefit = Line(card, "effectiveness.benefit");
  EXPECT_NEAR(benefit.points(), 20, kCent);
  EXPECT_EQ(benefit.provenance(), v1::PROVENANCE_RECOMPUTED);
  EXPECT_EQ(Indicator(benefit, "效益-2").reason_code(), "MET");  // 100% against 95%

  // 602.05 / 603.17 = 99.81% × 10 = 9.98.
  const v1::ScoreLine& execution = Line(card, "effectiveness.budget_execution");
  EXPECT_NEAR(execution.points(), 9.98, kCent);
  EXPECT_NEAR(execution.completion_percent(), 99.81, 1e-9);
  EXPECT_EQ(execution.provenance(), v1::PROVENANCE_RECOMPUTED);

  EXPECT_NEAR(card.recomputed_share(), 0.5, 1e-9);
  EXPECT_FALSE(HasFinding(card, "DECLARED_ABOVE_RECOMPUTED"));
  EXPECT_FALSE(HasFinding(card, "DECLARED_BELOW_RECOMPUTED"));
  EXPECT_TRUE(card.signals().uniform_full_completion());  // every indicator printed at 100%
}

TEST(SeedScorecards, TianheCommerceFinance2023ScoresItsIndicatorsAndIsIncomplete) {
  const v1::ScoreCard card = Score("tianhe-commerce-finance-bureau-2023", "guangzhou-department");
  EXPECT_EQ(card.variant(), "");
  const v1::ScoreLine& output = Line(card, "effectiveness.output");
  const v1::ScoreLine& benefit = Line(card, "effectiveness.benefit");
  EXPECT_EQ(output.sub_lines_size(), 11);
  EXPECT_EQ(benefit.sub_lines_size(), 8);
  EXPECT_EQ(output.provenance(), v1::PROVENANCE_RECOMPUTED);
  EXPECT_EQ(benefit.provenance(), v1::PROVENANCE_RECOMPUTED);

  // "商贸业项目申报验收工作完成情况": 100% planned, 0 done.
  const v1::ScoreLine& zero = Indicator(output, "产出-6");
  EXPECT_EQ(zero.name(), "商贸业项目申报验收工作完成情况");
  EXPECT_EQ(zero.points(), 0);
  EXPECT_EQ(zero.reason_code(), "PARTIAL");
  EXPECT_EQ(zero.completion_percent(), 0);
  EXPECT_NE(zero.explanation().find("完成率 0%"), std::string::npos) << zero.explanation();

  // Above 150%: half the share. 引进首店 74 against 10 is 740%.
  const v1::ScoreLine& shops = Indicator(benefit, "效益-1");
  EXPECT_EQ(shops.reason_code(), "OVER_COMPLETION_PENALIZED");
  EXPECT_NEAR(shops.completion_percent(), 740, 1e-9);
  EXPECT_NEAR(shops.points(), 0.63, kCent);  // 1.25 × 50%
  EXPECT_NE(shops.explanation().find("完成率 740%，超过 150%，目标设定偏低，扣减该指标分值的 50%"),
            std::string::npos)
      << shops.explanation();
  for (const char* id : {"效益-2", "效益-3", "效益-4"}) {
    EXPECT_EQ(Indicator(benefit, id).reason_code(), "OVER_COMPLETION_PENALIZED") << id;
  }
  EXPECT_EQ(Indicator(output, "产出-8").reason_code(), "OVER_COMPLETION_PENALIZED");  // 5.54% vs 1%
  EXPECT_EQ(Indicator(output, "产出-9").reason_code(), "MET");  // 1500 vs 1000: exactly 150%
  EXPECT_EQ(Indicator(output, "产出-5").reason_code(), "ZERO_TARGET_MET");  // 持平 vs +5%
  EXPECT_EQ(Indicator(output, "产出-4").reason_code(), "MET");  // 大于100家 vs 多于100家
  EXPECT_EQ(Indicator(output, "产出-2").reason_code(), "MET");  // 超过1家 vs 1家

  EXPECT_NEAR(output.points(), 8.64, kCent);
  EXPECT_NEAR(benefit.points(), 7.52, kCent);
  EXPECT_NEAR(Line(card, "effectiveness.budget_execution").points(), 4.93, kCent);  // 98.54% × 5
  EXPECT_NEAR(Line(card, "effectiveness.special_fund_performance").points(), 20, kCent);
  EXPECT_NEAR(Line(card, "effectiveness.special_fund_execution").points(), 4.97, kCent);  // 99.46%
  EXPECT_NEAR(Group(card, "effectiveness").points(), 46.06, kCent);

  // No 管理效率 scores at all: the total is incomplete and says why.
  EXPECT_FALSE(card.complete());
  ASSERT_EQ(card.missing_size(), 1);
  EXPECT_EQ(card.missing(0), "管理效率 (management): 报告未给出管理效率各项得分");
  EXPECT_EQ(card.grade(), "");
  EXPECT_NEAR(card.signals().share_above_150(), 5.0 / 18, 1e-4);
  EXPECT_FALSE(card.signals().outruns_spending());
}

TEST(SeedScorecards, TheSchemeAReportDeclaresIsShownBesideTheOneItIsScoredUnder) {
  v1::EvaluationReport report = SeedReport("tianhe-ccpit-2023");
  EXPECT_EQ(ScoreReport(report, ShippedPreparedScheme("guangzhou-department"))->declared_scheme(),
            "");
  report.mutable_declared()->set_scheme("guangzhou-department-2022");
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(report, ShippedPreparedScheme("guangzhou-department")));
  EXPECT_EQ(card.declared_scheme(), "guangzhou-department-2022");
  EXPECT_EQ(card.scheme().id(), "guangzhou-department");
}

TEST(SeedScorecards, LiwanCommerceInvestment2022DeclaresOnlyATotal) {
  // The report prints 97.57 and nothing per item: only budget execution can be
  // scored (no special funds listed: 执行率 weighs 10).
  const v1::ScoreCard card = Score("liwan-commerce-investment-bureau-2022", "guangzhou-department");
  EXPECT_EQ(card.variant(), "no_special_funds");
  EXPECT_NEAR(Line(card, "effectiveness.budget_execution").points(), 7.83, kCent);  // 78.33%
  EXPECT_EQ(Line(card, "effectiveness.output").provenance(), v1::PROVENANCE_MISSING);
  EXPECT_FALSE(card.complete());
  EXPECT_EQ(card.missing_size(), 3);  // 产出, 效益, and 管理效率 as a whole
  EXPECT_EQ(card.declared_total(), 97.57);
  EXPECT_FALSE(card.signals().has_declared_minus_recomputed());
}

}  // namespace
}  // namespace jixiao::scoring
