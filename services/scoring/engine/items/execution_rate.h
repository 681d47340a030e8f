#pragma once

// The execution rate an execution item is scored with, and where it comes from.

#include <cstdint>
#include <optional>
#include <string>

#include "jixiao/v1/budget.pb.h"

namespace jixiao::scoring {

enum class ExecutionRateSource {
  kStatedForScoring,    // the rate the report states it scored with
  kBudgetAmounts,       // final / adjusted
  kStatedBudget,        // the budget's stated execution rate
  kSpecialFundAmounts,  // spent / budget, summed over the funds
  kStatedSpecialFund,   // a single fund's stated rate
};

struct ExecutionRate {
  double percent = 0;
  ExecutionRateSource source = ExecutionRateSource::kStatedForScoring;
  // kBudgetAmounts, kSpecialFundAmounts: the amounts divided, in 分.
  int64_t planned_fen = 0;
  int64_t spent_fen = 0;
  // kStatedSpecialFund: the fund.
  const v1::SpecialFund* fund = nullptr;
};

// The rate 部门预算资金支出率 is scored with: the report's stated scoring rate
// (广州市商务局 2023 scores the 一般公共预算 average 72.52%, not final / adjusted);
// else final / adjusted from the amounts in 分, rounded to 0.01 point as
// reports print it; else the stated execution rate.
std::optional<ExecutionRate> BudgetExecutionRate(const v1::Budget& budget);

// One year of an evaluation's period: final / adjusted from the amounts,
// rounded to 0.01 point, else the year's stated rate.
std::optional<ExecutionRate> YearExecutionRate(const v1::BudgetYear& year);

// The special funds' rate: spent / budget summed over the funds when every fund
// gives both amounts; else the stated rate of a single fund.
std::optional<ExecutionRate> SpecialFundExecutionRate(const v1::Budget& budget);

// Where the rate comes from, in Chinese: "调整预算 603.17万元，决算 602.05万元，执行率 99.81%".
void AppendExecutionBasis(const ExecutionRate& rate, std::string& out);

}  // namespace jixiao::scoring
