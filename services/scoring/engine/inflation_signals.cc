#include "services/scoring/engine/inflation_signals.h"

#include <algorithm>

#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

constexpr double kRelativeMargin = 1.05;
// Share and rate signals keep four decimals: 0.9250, not 0.92499999.
constexpr int kShareDecimals = 4;

void SetOvershootShares(const std::vector<IndicatorOutcome>& outcomes,
                        v1::InflationSignals& signals) {
  int quantitative = 0;
  int above_150 = 0;
  int above_120 = 0;
  for (const IndicatorOutcome& outcome : outcomes) {
    if (!outcome.quantitative || !outcome.rate_percent.has_value()) continue;
    ++quantitative;
    above_150 += *outcome.rate_percent > 150;
    above_120 += *outcome.rate_percent > 120;
  }
  if (quantitative == 0) return;
  signals.set_share_above_150(
      RoundTo(static_cast<double>(above_150) / quantitative, kShareDecimals));
  signals.set_share_above_120(
      RoundTo(static_cast<double>(above_120) / quantitative, kShareDecimals));
}

bool UniformFullCompletion(const std::vector<IndicatorOutcome>& outcomes) {
  if (outcomes.size() < 2) return false;
  return std::all_of(outcomes.begin(), outcomes.end(), [](const IndicatorOutcome& outcome) {
    return outcome.reported_percent.has_value() && *outcome.reported_percent == 100;
  });
}

std::optional<double> IndicatorScoreRate(const v1::ScoreCard& card,
                                         const std::vector<std::string>& codes) {
  double points = 0;
  double max = 0;
  for (const v1::ScoreGroup& group : card.groups()) {
    for (const v1::ScoreLine& line : group.lines()) {
      if (std::find(codes.begin(), codes.end(), line.item_code()) == codes.end()) continue;
      if (line.provenance() == v1::PROVENANCE_MISSING) continue;
      points += line.points();
      max += line.max();
    }
  }
  if (max <= 0) return std::nullopt;
  return points / max;
}

}  // namespace

v1::InflationSignals ComputeSignals(const v1::ScoreCard& card, const SignalInputs& inputs,
                                    int decimals) {
  v1::InflationSignals signals;
  if (card.has_declared_total() && card.complete()) {
    signals.set_declared_minus_recomputed(RoundTo(card.declared_total() - card.total(), decimals));
  }
  SetOvershootShares(inputs.outcomes, signals);
  signals.set_uniform_full_completion(UniformFullCompletion(inputs.outcomes));
  const std::optional<double> score_rate = IndicatorScoreRate(card, inputs.indicator_item_codes);
  if (score_rate.has_value())
    signals.set_indicator_score_rate(RoundTo(*score_rate, kShareDecimals));
  if (inputs.execution_rate_percent.has_value()) {
    signals.set_budget_execution_rate(
        RoundTo(*inputs.execution_rate_percent / 100, kShareDecimals));
  }
  if (score_rate.has_value() && inputs.execution_rate_percent.has_value()) {
    const double execution = *inputs.execution_rate_percent / 100;
    signals.set_outruns_spending(*score_rate > execution * kRelativeMargin);
  }
  return signals;
}

}  // namespace jixiao::scoring
