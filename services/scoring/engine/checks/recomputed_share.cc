#include "services/scoring/engine/checks/recomputed_share.h"

namespace jixiao::scoring {
namespace {

double RecomputedMax(const ItemScore& item) {
  if (!item.indicators.empty()) {
    double max = 0;
    for (const IndicatorScore& indicator : item.indicators) {
      max += indicator.verdict.provenance == v1::PROVENANCE_RECOMPUTED ? indicator.weight : 0;
    }
    return max;
  }
  if (!item.sub_items.empty()) return 0;  // declared sub-items, none recomputed
  return item.provenance == v1::PROVENANCE_RECOMPUTED ? item.max : 0;
}

}  // namespace

double RecomputedShare(const std::vector<GroupScore>& groups, double max) {
  if (max <= 0) return 0;
  double recomputed = 0;
  for (const GroupScore& group : groups) {
    if (group.subtotal_stands_in) {
      recomputed += 0;  // one declared line
      continue;
    }
    for (const ItemScore& item : group.items) recomputed += RecomputedMax(item);
  }
  return recomputed / max;
}

}  // namespace jixiao::scoring
