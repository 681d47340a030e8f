#include "services/scoring/engine/execution_item.h"

#include <algorithm>

#include "services/scoring/engine/completion_curve.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

ItemScore ScoreRate(const ScoringContext& context, const v1::SchemeItem& item,
                    const ExecutionRate& rate) {
  ItemScore score = StartItemScore(context, item);
  score.basis = ItemBasis::kExecutionRate;
  score.rate = rate;
  const v1::ExecutionRule& rule = item.execution();
  if (rule.curve() == v1::EXECUTION_CURVE_STEPWISE) {
    score.rate_band = BandFor(rule.steps(), rate.percent);
    score.rate_fraction = BandFraction(rule.steps(), rate.percent);
    score.rule = "stepwise";
    score.reason = reason::kExecutionStepBand;
  } else {
    score.rate_fraction = std::clamp(rate.percent / 100, 0.0, 1.0);
    score.rule = "linear_capped";
    score.reason = reason::kExecutionLinearCapped;
  }
  score.points = std::min(RoundTo(score.rate_fraction * item.max(), context.decimals), item.max());
  score.provenance = v1::PROVENANCE_RECOMPUTED;
  score.completion_percent = rate.percent;
  return score;
}

}  // namespace

ItemScore ScoreBudgetExecutionItem(const ScoringContext& context, const v1::SchemeItem& item) {
  const std::optional<ExecutionRate> rate = BudgetExecutionRate(context.report.budget());
  if (!rate.has_value()) {
    return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                             NotRecomputed::kNoBudgetInputs);
  }
  ItemScore score = ScoreRate(context, item, *rate);
  score.budget_execution_percent = rate->percent;
  return score;
}

ItemScore ScoreSpecialFundExecutionItem(const ScoringContext& context, const v1::SchemeItem& item) {
  const std::optional<ExecutionRate> rate = SpecialFundExecutionRate(context.report.budget());
  if (!rate.has_value()) {
    return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                             NotRecomputed::kNoSpecialFundInputs);
  }
  // Not a budget execution rate: the signals compare with the department budget.
  return ScoreRate(context, item, *rate);
}

}  // namespace jixiao::scoring
