#pragma once

#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring {

// ScoreCard.recomputed_share: the maximum of the leaf lines (an item's
// indicators or sub-items where it has them, else the item) recomputed from
// inputs, over the card's maximum.
double RecomputedShare(const v1::ScoreCard& card);

}  // namespace jixiao::scoring
