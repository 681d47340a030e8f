#pragma once

// ITEM_SOURCE_BUDGET_EXECUTION and ITEM_SOURCE_SPECIAL_FUND_EXECUTION: an
// execution rate turned into points by the item's ExecutionRule.

#include <optional>
#include <string>

#include "jixiao/v1/budget.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/item_score.h"

namespace jixiao::scoring {

struct ExecutionRate {
  double percent = 0;
  // Where the rate comes from, in Chinese: "调整预算 603.17万元，决算 602.05万元，执行率 99.81%".
  std::string basis;
};

// The rate 部门预算资金支出率 is scored with: the report's stated scoring rate
// (广州市商务局 2023 scores the 一般公共预算 average 72.52%, not final / adjusted);
// else final / adjusted from the amounts in 分, rounded to 0.01 point as
// reports print it; else the stated execution rate.
std::optional<ExecutionRate> BudgetExecutionRate(const v1::Budget& budget);

// The special funds' rate: spent / budget summed over the funds when every fund
// gives both amounts; else the stated rate of a single fund.
std::optional<ExecutionRate> SpecialFundExecutionRate(const v1::Budget& budget);

ItemScore ScoreBudgetExecutionItem(const ScoringContext& context, const v1::SchemeItem& item);
ItemScore ScoreSpecialFundExecutionItem(const ScoringContext& context, const v1::SchemeItem& item);

}  // namespace jixiao::scoring
