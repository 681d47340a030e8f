#include "services/scoring/engine/checks/inflation_signals.h"

#include <algorithm>

#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

constexpr double kRelativeMargin = 1.05;
// Share and rate signals keep four decimals: 0.9250, not 0.92499999.
constexpr int kShareDecimals = 4;

struct OvershootCounts {
  int indicators = 0;
  int quantitative = 0;
  int above_150 = 0;
  int above_120 = 0;
  int reported_100 = 0;
};

OvershootCounts CountOvershoots(const std::vector<GroupScore>& groups) {
  OvershootCounts counts;
  for (const GroupScore& group : groups) {
    for (const ItemScore& item : group.items) {
      for (const IndicatorScore& indicator : item.indicators) {
        const IndicatorOutcome& outcome = indicator.outcome;
        ++counts.indicators;
        counts.reported_100 +=
            outcome.reported_percent.has_value() && *outcome.reported_percent == 100;
        if (!outcome.quantitative || !outcome.rate_percent.has_value()) continue;
        ++counts.quantitative;
        counts.above_150 += *outcome.rate_percent > 150;
        counts.above_120 += *outcome.rate_percent > 120;
      }
    }
  }
  return counts;
}

// The points and maximum of the lines scored from indicators, except missing
// ones; a group line that stands in for its items is one line of the group's code.
std::optional<double> IndicatorScoreRate(const std::vector<GroupScore>& groups,
                                         const EffectiveScheme& effective) {
  const auto scored_from_indicators = [&](absl::string_view code) {
    return std::find(effective.indicator_item_codes.begin(), effective.indicator_item_codes.end(),
                     code) != effective.indicator_item_codes.end();
  };
  double points = 0;
  double max = 0;
  for (const GroupScore& group : groups) {
    if (group.subtotal_stands_in) {
      if (!scored_from_indicators(group.group->code())) continue;
      points += group.subtotal_points;  // a declared line: never missing
      max += group.max;
      continue;
    }
    for (const ItemScore& item : group.items) {
      if (!scored_from_indicators(item.item->code())) continue;
      if (item.provenance == v1::PROVENANCE_MISSING) continue;
      points += item.points;
      max += item.max;
    }
  }
  if (max <= 0) return std::nullopt;
  return points / max;
}

std::optional<double> BudgetExecutionPercent(const std::vector<GroupScore>& groups) {
  std::optional<double> percent;  // the last one scored
  for (const GroupScore& group : groups) {
    for (const ItemScore& item : group.items) {
      if (item.budget_execution_percent.has_value()) percent = item.budget_execution_percent;
    }
  }
  return percent;
}

}  // namespace

v1::InflationSignals ComputeSignals(const std::vector<GroupScore>& groups,
                                    const EffectiveScheme& effective,
                                    std::optional<double> declared_total, double total,
                                    bool complete, int decimals) {
  v1::InflationSignals signals;
  if (declared_total.has_value() && complete) {
    signals.set_declared_minus_recomputed(RoundTo(*declared_total - total, decimals));
  }
  const OvershootCounts counts = CountOvershoots(groups);
  if (counts.quantitative > 0) {
    signals.set_share_above_150(
        RoundTo(static_cast<double>(counts.above_150) / counts.quantitative, kShareDecimals));
    signals.set_share_above_120(
        RoundTo(static_cast<double>(counts.above_120) / counts.quantitative, kShareDecimals));
  }
  signals.set_uniform_full_completion(counts.indicators >= 2 &&
                                      counts.reported_100 == counts.indicators);
  const std::optional<double> score_rate = IndicatorScoreRate(groups, effective);
  if (score_rate.has_value()) {
    signals.set_indicator_score_rate(RoundTo(*score_rate, kShareDecimals));
  }
  const std::optional<double> execution_percent = BudgetExecutionPercent(groups);
  if (execution_percent.has_value()) {
    signals.set_budget_execution_rate(RoundTo(*execution_percent / 100, kShareDecimals));
  }
  if (score_rate.has_value() && execution_percent.has_value()) {
    const double execution = *execution_percent / 100;
    signals.set_outruns_spending(*score_rate > execution * kRelativeMargin);
  }
  return signals;
}

}  // namespace jixiao::scoring
