#include "services/scoring/engine/items/execution_rate.h"

#include <algorithm>

#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/indicators/measured_value.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

// Execution rates are printed to 0.01 point; scoring uses the printed figure.
constexpr int kRateDecimals = 2;

double RatioPercent(int64_t part, int64_t whole) {
  // Amounts in 分 up to 2^53 are exact in a double; one division, then rounding.
  return RoundTo(static_cast<double>(part) / static_cast<double>(whole) * 100, kRateDecimals);
}

}  // namespace

std::optional<ExecutionRate> BudgetExecutionRate(const v1::Budget& budget) {
  if (std::optional<double> stated = ReadStatedPercent(budget.stated_scoring_execution_percent())) {
    return ExecutionRate{*stated, ExecutionRateSource::kStatedForScoring};
  }
  if (budget.has_adjusted() && budget.has_final() && budget.adjusted().fen() > 0) {
    return ExecutionRate{RatioPercent(budget.final().fen(), budget.adjusted().fen()),
                         ExecutionRateSource::kBudgetAmounts, budget.adjusted().fen(),
                         budget.final().fen()};
  }
  if (std::optional<double> stated = ReadStatedPercent(budget.stated_execution_percent())) {
    return ExecutionRate{*stated, ExecutionRateSource::kStatedBudget};
  }
  return std::nullopt;
}

std::optional<ExecutionRate> YearExecutionRate(const v1::BudgetYear& year) {
  if (year.has_adjusted() && year.has_final() && year.adjusted().fen() > 0) {
    return ExecutionRate{RatioPercent(year.final().fen(), year.adjusted().fen()),
                         ExecutionRateSource::kBudgetAmounts, year.adjusted().fen(),
                         year.final().fen()};
  }
  if (std::optional<double> stated = ReadStatedPercent(year.stated_execution_percent())) {
    return ExecutionRate{*stated, ExecutionRateSource::kStatedBudget};
  }
  return std::nullopt;
}

std::optional<ExecutionRate> SpecialFundExecutionRate(const v1::Budget& budget) {
  const auto& funds = budget.special_funds();
  if (funds.empty()) return std::nullopt;
  const bool amounts = std::all_of(funds.begin(), funds.end(), [](const v1::SpecialFund& fund) {
    return fund.has_budget() && fund.has_spent();
  });
  int64_t planned = 0;
  int64_t spent = 0;
  for (const v1::SpecialFund& fund : funds) {
    planned += fund.budget().fen();
    spent += fund.spent().fen();
  }
  if (amounts && planned > 0) {
    return ExecutionRate{RatioPercent(spent, planned), ExecutionRateSource::kSpecialFundAmounts,
                         planned, spent};
  }
  if (funds.size() == 1) {
    if (std::optional<double> stated = ReadStatedPercent(funds[0].stated_execution_percent())) {
      return ExecutionRate{*stated, ExecutionRateSource::kStatedSpecialFund, 0, 0, &funds[0]};
    }
  }
  return std::nullopt;
}

void AppendExecutionBasis(const ExecutionRate& rate, std::string& out) {
  const Percent percent{rate.percent};
  switch (rate.source) {
    case ExecutionRateSource::kStatedForScoring:
      AppendText(out, "报告用于评分的预算执行率 ", percent);
      return;
    case ExecutionRateSource::kBudgetAmounts:
      AppendText(out, "调整预算 ", FormatWanYuan(rate.planned_fen), "，决算 ",
                 FormatWanYuan(rate.spent_fen), "，执行率 ", percent);
      return;
    case ExecutionRateSource::kStatedBudget:
      AppendText(out, "报告所列预算执行率 ", percent);
      return;
    case ExecutionRateSource::kSpecialFundAmounts:
      AppendText(out, "专项资金预算 ", FormatWanYuan(rate.planned_fen), "，支出 ",
                 FormatWanYuan(rate.spent_fen), "，支出率 ", percent);
      return;
    case ExecutionRateSource::kStatedSpecialFund:
      AppendText(out, "报告所列「", rate.fund->name(), "」支出率 ", percent);
      return;
  }
}

}  // namespace jixiao::scoring
