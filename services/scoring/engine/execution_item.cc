#include "services/scoring/engine/execution_item.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/completion_curve.h"
#include "services/scoring/engine/measured_value.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

// Execution rates are printed to 0.01 point; scoring uses the printed figure.
constexpr int kRateDecimals = 2;

double RatioPercent(int64_t part, int64_t whole) {
  // Amounts in 分 up to 2^53 are exact in a double; one division, then rounding.
  return RoundTo(static_cast<double>(part) / static_cast<double>(whole) * 100, kRateDecimals);
}

ItemScore ScoreRate(const ScoringContext& context, const v1::SchemeItem& item,
                    const ExecutionRate& rate) {
  ItemScore score;
  score.line = StartItemLine(context, item);
  v1::ScoreLine& line = score.line;
  const v1::ExecutionRule& rule = item.execution();
  double fraction = 0;
  std::string how;
  if (rule.curve() == v1::EXECUTION_CURVE_STEPWISE) {
    const v1::Band* band = BandFor(rule.steps(), rate.percent);
    fraction = BandFraction(rule.steps(), rate.percent);
    line.set_rule("stepwise");
    line.set_reason_code(std::string(reason::kExecutionStepBand));
    how = band == nullptr ? "低于最低一档，不得分"
                          : absl::StrCat("落在 ≥", FormatPercent(band->min_percent()),
                                         " 一档，得分值的 ", FormatShare(fraction));
  } else {
    fraction = std::clamp(rate.percent / 100, 0.0, 1.0);
    line.set_rule("linear_capped");
    line.set_reason_code(std::string(reason::kExecutionLinearCapped));
    how = absl::StrCat(FormatPercent(rate.percent), " × ", FormatNumber(item.max()),
                       rate.percent > 100 ? "，以满分为限" : "");
  }
  const double points = std::min(RoundTo(fraction * item.max(), context.decimals), item.max());
  line.set_points(points);
  line.set_provenance(v1::PROVENANCE_RECOMPUTED);
  line.set_completion_percent(rate.percent);
  line.set_explanation(absl::StrCat(rate.basis, "；", how, " = ",
                                    FormatNumber(points, context.decimals), " 分（满分 ",
                                    FormatNumber(item.max()), " 分）"));
  score.execution_rate_percent = rate.percent;
  return score;
}

}  // namespace

std::optional<ExecutionRate> BudgetExecutionRate(const v1::Budget& budget) {
  if (std::optional<double> stated = ReadStatedPercent(budget.stated_scoring_execution_percent())) {
    return ExecutionRate{*stated,
                         absl::StrCat("报告用于评分的预算执行率 ", FormatPercent(*stated))};
  }
  if (budget.has_adjusted() && budget.has_final() && budget.adjusted().fen() > 0) {
    const double percent = RatioPercent(budget.final().fen(), budget.adjusted().fen());
    return ExecutionRate{percent, absl::StrCat("调整预算 ", FormatWanYuan(budget.adjusted().fen()),
                                               "，决算 ", FormatWanYuan(budget.final().fen()),
                                               "，执行率 ", FormatPercent(percent))};
  }
  if (std::optional<double> stated = ReadStatedPercent(budget.stated_execution_percent())) {
    return ExecutionRate{*stated, absl::StrCat("报告所列预算执行率 ", FormatPercent(*stated))};
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
    const double percent = RatioPercent(spent, planned);
    return ExecutionRate{percent,
                         absl::StrCat("专项资金预算 ", FormatWanYuan(planned), "，支出 ",
                                      FormatWanYuan(spent), "，支出率 ", FormatPercent(percent))};
  }
  if (funds.size() == 1) {
    if (std::optional<double> stated = ReadStatedPercent(funds[0].stated_execution_percent())) {
      return ExecutionRate{*stated, absl::StrCat("报告所列「", funds[0].name(), "」支出率 ",
                                                 FormatPercent(*stated))};
    }
  }
  return std::nullopt;
}

ItemScore ScoreBudgetExecutionItem(const ScoringContext& context, const v1::SchemeItem& item) {
  const std::optional<ExecutionRate> rate = BudgetExecutionRate(context.report.budget());
  if (!rate.has_value()) {
    return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                             "报告未给出预算金额或执行率，无法重算");
  }
  return ScoreRate(context, item, *rate);
}

ItemScore ScoreSpecialFundExecutionItem(const ScoringContext& context, const v1::SchemeItem& item) {
  const std::optional<ExecutionRate> rate = SpecialFundExecutionRate(context.report.budget());
  if (!rate.has_value()) {
    ItemScore score = DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                                        "报告未给出专项资金的金额或支出率，无法重算");
    return score;
  }
  ItemScore score = ScoreRate(context, item, *rate);
  score.execution_rate_percent.reset();  // the signals compare with the department budget
  return score;
}

}  // namespace jixiao::scoring
