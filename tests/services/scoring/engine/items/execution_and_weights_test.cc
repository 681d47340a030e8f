// Budget and special-fund execution, and how an item's max is shared among
// its indicators.

#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/scoring/engine/items/execution_rate.h"
#include "services/scoring/engine/items/weight_allocation.h"

namespace jixiao::scoring {
namespace {

v1::Money Fen(int64_t fen) {
  v1::Money money;
  money.set_fen(fen);
  return money;
}

TEST(BudgetExecutionRate, TheStatedScoringRateComesFirst) {
  v1::Budget budget;
  *budget.mutable_adjusted() = Fen(307300000000);
  *budget.mutable_final() = Fen(298400000000);
  budget.set_stated_execution_percent("97.1");
  budget.set_stated_scoring_execution_percent("72.52");
  EXPECT_EQ(BudgetExecutionRate(budget)->percent, 72.52);
  budget.clear_stated_scoring_execution_percent();
  EXPECT_NEAR(BudgetExecutionRate(budget)->percent, 97.10, 1e-9);  // 2984 / 3073 from the amounts
}

TEST(BudgetExecutionRate, AmountsAreDividedExactlyAndRoundedAsPrinted) {
  v1::Budget budget;
  *budget.mutable_adjusted() = Fen(603170000);
  *budget.mutable_final() = Fen(602050000);
  const std::optional<ExecutionRate> rate = BudgetExecutionRate(budget);
  ASSERT_TRUE(rate.has_value());
  EXPECT_EQ(rate->percent, 99.81);
  std::string basis;
  AppendExecutionBasis(*rate, basis);
  EXPECT_EQ(basis, "调整预算 603.17万元，决算 602.05万元，执行率 99.81%");
}

TEST(BudgetExecutionRate, TheStatedRateIsTheLastResort) {
  v1::Budget budget;
  budget.set_stated_execution_percent("78.33");
  EXPECT_EQ(BudgetExecutionRate(budget)->percent, 78.33);
  EXPECT_FALSE(BudgetExecutionRate(v1::Budget()).has_value());
}

TEST(SpecialFundExecutionRate, SumsTheFundsAmounts) {
  v1::Budget budget;
  v1::SpecialFund* a = budget.add_special_funds();
  *a->mutable_budget() = Fen(21198500000);
  *a->mutable_spent() = Fen(21084040000);
  EXPECT_EQ(SpecialFundExecutionRate(budget)->percent, 99.46);
  v1::SpecialFund* b = budget.add_special_funds();
  *b->mutable_budget() = Fen(1000000);
  *b->mutable_spent() = Fen(0);
  EXPECT_NEAR(SpecialFundExecutionRate(budget)->percent, 99.46, 0.01);
  b->clear_spent();
  b->set_stated_execution_percent("100");
  EXPECT_FALSE(SpecialFundExecutionRate(budget).has_value());  // two funds, not all amounts
}

TEST(SpecialFundExecutionRate, ASingleFundsStatedRate) {
  v1::Budget budget;
  budget.add_special_funds()->set_stated_execution_percent("100");
  EXPECT_EQ(SpecialFundExecutionRate(budget)->percent, 100);
}

TEST(WeightAllocation, EqualSharesAddUpToTheMaxExactly) {
  const std::vector<double> weights =
      AllocateWeights(std::vector<std::optional<double>>(11), 10, 2);
  ASSERT_EQ(weights.size(), 11u);
  EXPECT_NEAR(std::accumulate(weights.begin(), weights.end(), 0.0), 10, 1e-9);
  EXPECT_NEAR(weights.front(), 0.91, 1e-9);
  EXPECT_NEAR(weights.back(), 0.90, 1e-9);
}

TEST(WeightAllocation, StatedWeightsAreScaledToTheMax) {
  const std::vector<double> weights = AllocateWeights({10.0, 10.0}, 20, 2);
  EXPECT_EQ(weights, (std::vector<double>{10, 10}));
  const std::vector<double> scaled = AllocateWeights({6.5, 6.5, 3.0, 3.0, 1.0}, 10, 2);
  EXPECT_NEAR(std::accumulate(scaled.begin(), scaled.end(), 0.0), 10, 1e-9);
  EXPECT_NEAR(scaled[0], 3.25, 1e-9);
  EXPECT_NEAR(scaled[4], 0.5, 1e-9);
}

TEST(WeightAllocation, UnweightedIndicatorsTakeTheMeanOfTheStatedOnes) {
  const std::vector<double> weights = AllocateWeights({2.0, std::nullopt, 4.0}, 9, 2);
  EXPECT_NEAR(weights[0], 2, 1e-9);
  EXPECT_NEAR(weights[1], 3, 1e-9);
  EXPECT_NEAR(weights[2], 4, 1e-9);
  const std::vector<double> zeros = AllocateWeights({0.0, 0.0}, 5, 2);
  EXPECT_NEAR(zeros[0] + zeros[1], 5, 1e-9);
}

}  // namespace
}  // namespace jixiao::scoring
