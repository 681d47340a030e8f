#include "services/scoring/engine/indicators/indicator_assignment.h"

#include <optional>

namespace jixiao::scoring {

IndicatorAssignment::IndicatorAssignment(const std::vector<SelectedIndicator>& indicators,
                                         const EffectiveScheme& effective,
                                         const PreparedScheme& scheme) {
  for (const v1::SchemeItem* item : effective.indicator_items) by_item_[item];
  for (const SelectedIndicator& candidate : indicators) {
    const v1::SchemeItem* best = nullptr;
    std::optional<SelectorRank> best_rank;
    for (const v1::SchemeItem* item : effective.indicator_items) {
      const std::optional<SelectorRank> rank =
          MatchSelection(scheme.SelectionFor(*item), *candidate.indicator, candidate.level1_code);
      if (rank.has_value() && (!best_rank.has_value() || *rank > *best_rank)) {
        best = item;
        best_rank = rank;
      }
    }
    if (best == nullptr) continue;
    by_item_[best].push_back(&candidate);
    item_of_[candidate.indicator] = best;
  }
}

const std::vector<const SelectedIndicator*>& IndicatorAssignment::For(
    const v1::SchemeItem& item) const {
  const auto it = by_item_.find(&item);
  return it == by_item_.end() ? none_ : it->second;
}

const v1::SchemeItem* IndicatorAssignment::ItemOf(const v1::Indicator& indicator) const {
  const auto it = item_of_.find(&indicator);
  return it == item_of_.end() ? nullptr : it->second;
}

}  // namespace jixiao::scoring
