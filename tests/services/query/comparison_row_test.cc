#include "services/query/logic/comparison_row.h"

#include <gtest/gtest.h>

namespace jixiao::query {
namespace {

jixiao::v1::ScoreCard CardWithBudget(std::optional<int64_t> initial_fen,
                                     std::optional<int64_t> adjusted_fen,
                                     std::optional<int64_t> final_fen) {
  jixiao::v1::ScoreCard card;
  if (initial_fen) card.mutable_budget_initial()->set_fen(*initial_fen);
  if (adjusted_fen) card.mutable_budget_adjusted()->set_fen(*adjusted_fen);
  if (final_fen) card.mutable_budget_final()->set_fen(*final_fen);
  return card;
}

TEST(ComparisonRowTest, CopiesScoresDeclarationAndGroupPoints) {
  jixiao::v1::ScoreCard card;
  card.mutable_report()->set_report_id("440106:commerce/2023/department");
  card.mutable_report()->set_version(3);
  card.mutable_department()->set_code("440106:commerce");
  card.mutable_department()->mutable_district()->set_code("440106");
  card.set_fiscal_year(2023);
  card.set_total(88.5);
  card.set_max(100);
  card.set_grade("良");
  card.set_colour(jixiao::v1::COLOUR_GREEN);
  card.set_declared_total(95);
  card.set_declared_grade("优");
  card.set_declared_scheme("guangzhou-department");
  card.set_complete(false);
  card.add_missing("2.1");
  card.set_recomputed_share(0.8);
  card.mutable_signals()->set_share_above_150(0.25);
  jixiao::v1::ScoreGroup* output = card.add_groups();
  output->set_code("output");
  output->set_points(38.5);
  jixiao::v1::ScoreGroup* effect = card.add_groups();
  effect->set_code("effect");
  effect->set_points(50);

  const jixiao::v1::ComparisonRow row = MakeComparisonRow(card);
  EXPECT_EQ(row.report_id(), "440106:commerce/2023/department");
  EXPECT_EQ(row.report_version(), 3);
  EXPECT_EQ(row.department().district().code(), "440106");
  EXPECT_EQ(row.fiscal_year(), 2023);
  EXPECT_DOUBLE_EQ(row.total(), 88.5);
  EXPECT_DOUBLE_EQ(row.max(), 100);
  EXPECT_EQ(row.grade(), "良");
  EXPECT_EQ(row.colour(), jixiao::v1::COLOUR_GREEN);
  ASSERT_TRUE(row.has_declared_total());
  EXPECT_DOUBLE_EQ(row.declared_total(), 95);
  EXPECT_EQ(row.declared_grade(), "优");
  EXPECT_EQ(row.declared_scheme(), "guangzhou-department");
  EXPECT_FALSE(row.complete());
  ASSERT_EQ(row.missing_size(), 1);
  EXPECT_EQ(row.missing(0), "2.1");
  EXPECT_DOUBLE_EQ(row.recomputed_share(), 0.8);
  EXPECT_DOUBLE_EQ(row.signals().share_above_150(), 0.25);
  ASSERT_EQ(row.group_points_size(), 2);
  EXPECT_DOUBLE_EQ(row.group_points().at("output"), 38.5);
  EXPECT_DOUBLE_EQ(row.group_points().at("effect"), 50);
  EXPECT_EQ(row.rank(), 0);
}

TEST(ComparisonRowTest, AGroupThatCouldNotBeScoredIsLeftOutNotZero) {
  jixiao::v1::ScoreCard card;
  jixiao::v1::ScoreGroup* scored = card.add_groups();
  scored->set_code("effectiveness");
  scored->set_points(46.06);
  scored->add_lines()->set_provenance(jixiao::v1::PROVENANCE_RECOMPUTED);
  scored->add_lines()->set_provenance(jixiao::v1::PROVENANCE_MISSING);
  jixiao::v1::ScoreGroup* unscored = card.add_groups();
  unscored->set_code("management");
  unscored->add_lines()->set_provenance(jixiao::v1::PROVENANCE_MISSING);

  const jixiao::v1::ComparisonRow row = MakeComparisonRow(card);
  EXPECT_DOUBLE_EQ(row.group_points().at("effectiveness"), 46.06);
  EXPECT_FALSE(row.group_points().contains("management"));
}

TEST(ComparisonRowTest, AbsentDeclarationStaysAbsent) {
  const jixiao::v1::ComparisonRow row = MakeComparisonRow(jixiao::v1::ScoreCard());
  EXPECT_FALSE(row.has_declared_total());
  EXPECT_FALSE(row.has_budget_execution_percent());
  EXPECT_FALSE(row.has_budget_adjustment_percent());
}

TEST(ComparisonRowTest, BudgetPercentagesFromExactFigures) {
  // 初始 1000 万元, 调整后 1250 万元, 执行 1200 万元 (fen).
  const jixiao::v1::ScoreCard card =
      CardWithBudget(1'000'000'000LL, 1'250'000'000LL, 1'200'000'000LL);
  const jixiao::v1::ComparisonRow row = MakeComparisonRow(card);
  ASSERT_TRUE(row.has_budget_execution_percent());
  EXPECT_DOUBLE_EQ(row.budget_execution_percent(), 96.0);
  ASSERT_TRUE(row.has_budget_adjustment_percent());
  EXPECT_DOUBLE_EQ(row.budget_adjustment_percent(), 25.0);
}

TEST(ComparisonRowTest, NegativeAdjustmentIsKept) {
  const jixiao::v1::ScoreCard card = CardWithBudget(2000, 1500, 1500);
  EXPECT_DOUBLE_EQ(BudgetAdjustmentPercent(card).value(), -25.0);
  EXPECT_DOUBLE_EQ(BudgetExecutionPercent(card).value(), 100.0);
}

TEST(ComparisonRowTest, PercentagesAbsentWithoutBothFigures) {
  EXPECT_FALSE(BudgetExecutionPercent(CardWithBudget(100, std::nullopt, 90)).has_value());
  EXPECT_FALSE(BudgetExecutionPercent(CardWithBudget(100, 100, std::nullopt)).has_value());
  EXPECT_FALSE(BudgetAdjustmentPercent(CardWithBudget(std::nullopt, 100, 90)).has_value());
  EXPECT_FALSE(BudgetAdjustmentPercent(CardWithBudget(100, std::nullopt, 90)).has_value());
}

TEST(ComparisonRowTest, PercentagesAbsentForZeroDivisor) {
  // A printed zero is present but cannot divide.
  const jixiao::v1::ScoreCard card = CardWithBudget(0, 0, 0);
  EXPECT_FALSE(BudgetExecutionPercent(card).has_value());
  EXPECT_FALSE(BudgetAdjustmentPercent(card).has_value());
  const jixiao::v1::ComparisonRow row = MakeComparisonRow(card);
  EXPECT_FALSE(row.has_budget_execution_percent());
  EXPECT_FALSE(row.has_budget_adjustment_percent());
}

TEST(ComparisonRowTest, ZeroFinalOfNonZeroAdjustedIsZeroPercent) {
  EXPECT_DOUBLE_EQ(BudgetExecutionPercent(CardWithBudget(100, 100, 0)).value(), 0.0);
}

TEST(ComparisonRowTest, ReadingACardDoesNotCreateItsFields) {
  const jixiao::v1::ScoreCard card;
  MakeComparisonRow(card);
  EXPECT_FALSE(card.has_budget_final());
  EXPECT_FALSE(card.has_department());
}

}  // namespace
}  // namespace jixiao::query
