#include "services/scoring/engine/items/execution_item.h"

#include <algorithm>

#include "services/scoring/engine/explanation/curve_text.h"
#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/scheme/curves.h"

namespace jixiao::scoring {
namespace {

absl::string_view ReasonFor(const v1::Curve& curve) {
  if (curve.preset() == kPresetLinearCapped) return reason::kExecutionLinearCapped;
  return curve.interpolation() == v1::INTERPOLATION_STEP ? reason::kExecutionStepBand
                                                         : reason::kExecutionCurveLinear;
}

ItemScore ScoreRate(const ScoringContext& context, const v1::SchemeItem& item,
                    const ExecutionRate& rate) {
  ItemScore score = StartItemScore(context, item);
  score.basis = ItemBasis::kExecutionRate;
  score.rate = rate;
  const v1::Curve& curve = context.scheme.ExecutionCurveFor(item);
  const CurveReading reading = ReadCurve(curve, rate.percent);
  score.rate_step = reading.from;
  score.rate_step_to = reading.to;
  score.rate_fraction = reading.share;
  score.rule = CurveRuleName(curve);
  score.reason = ReasonFor(curve);
  score.points = std::min(RoundTo(score.rate_fraction * score.max, context.decimals), score.max);
  score.provenance = v1::PROVENANCE_RECOMPUTED;
  score.completion_percent = rate.percent;
  return score;
}

// An evaluation's period, year by year: each year's rate through the curve, the
// shares aggregated (MEAN unless the item says MIN), rounded once.
std::optional<ItemScore> ScoreYears(const ScoringContext& context, const v1::SchemeItem& item) {
  const v1::Curve& curve = context.scheme.ExecutionCurveFor(item);
  ItemScore score = StartItemScore(context, item);
  for (const v1::BudgetYear& year : context.report.budget().years()) {
    std::optional<ExecutionRate> rate = YearExecutionRate(year);
    if (!rate.has_value()) return std::nullopt;  // a year without figures: not recomputable
    score.years.push_back({year.fiscal_year(), *rate, ReadCurve(curve, rate->percent).share});
  }
  if (score.years.empty()) return std::nullopt;
  double sum = 0;
  double least = 1;
  for (const YearRate& year : score.years) {
    sum += year.share;
    least = std::min(least, year.share);
  }
  score.basis = ItemBasis::kYearlyExecution;
  score.rate_fraction =
      item.aggregate() == v1::AGGREGATE_MIN ? least : sum / static_cast<double>(score.years.size());
  score.rule = CurveRuleName(curve);
  score.reason = item.aggregate() == v1::AGGREGATE_MIN ? reason::kExecutionYearsMin
                                                       : reason::kExecutionYearsMean;
  score.points = std::min(RoundTo(score.rate_fraction * score.max, context.decimals), score.max);
  score.provenance = v1::PROVENANCE_RECOMPUTED;
  return score;
}

}  // namespace

ItemScore ScoreBudgetExecutionItem(const ScoringContext& context, const v1::SchemeItem& item) {
  if (item.yearly()) {
    if (std::optional<ItemScore> years = ScoreYears(context, item)) return *std::move(years);
  }
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

void AppendExecutionExplanation(const ItemScore& score, int decimals, std::string& out) {
  if (score.basis == ItemBasis::kYearlyExecution) {
    for (size_t y = 0; y < score.years.size(); ++y) {
      AppendText(out, y == 0 ? "" : "；", score.years[y].fiscal_year, " 年 ");
      AppendExecutionBasis(score.years[y].rate, out);
      AppendText(out, "，得分值的 ", Share{score.years[y].share});
    }
    AppendText(out, "。", score.reason == reason::kExecutionYearsMin ? "取最低" : "取平均", " ",
               Share{score.rate_fraction}, " × ", Figure{score.max}, " = ",
               Figure{score.points, decimals}, " 分");
    return;
  }
  AppendExecutionBasis(score.rate, out);
  out.append("；");
  if (score.reason == reason::kExecutionStepBand) {
    if (score.rate_step == nullptr) {
      out.append("低于最低一档，不得分");
    } else {
      AppendText(out, "落在 ≥", Percent{score.rate_step->percent()}, " 一档，得分值的 ",
                 Share{score.rate_fraction});
    }
  } else if (score.reason == reason::kExecutionCurveLinear) {
    AppendCurveReading(score.rate_step, score.rate_step_to, score.rate_fraction, out);
  } else {
    AppendText(out, Percent{score.rate.percent}, " × ", Figure{score.max},
               score.rate.percent > 100 ? "，以满分为限" : "");
  }
  AppendText(out, " = ", Figure{score.points, decimals}, " 分（满分 ", Figure{score.max}, " 分）");
}

}  // namespace jixiao::scoring
