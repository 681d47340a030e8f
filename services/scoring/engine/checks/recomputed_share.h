#pragma once

#include <vector>

#include "services/scoring/engine/items/group_scoring.h"

namespace jixiao::scoring {

// ScoreCard.recomputed_share, before rounding: the maximum of the leaf lines (an
// item's indicators or sub-items where it has them, else the item) recomputed
// from inputs, over the card's maximum `max`.
double RecomputedShare(const std::vector<GroupScore>& groups, double max);

}  // namespace jixiao::scoring
