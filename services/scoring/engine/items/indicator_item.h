#pragma once

// ITEM_SOURCE_INDICATORS: an item scored from the report's indicators, or taken
// as declared when the report does not itemize them.

#include <vector>

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/indicators/indicator_selection.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

ItemScore ScoreIndicatorItem(const ScoringContext& context, const v1::SchemeItem& item);

// Scores `selected` into one item, their weights scaled to the item's max
// (shared with 专项资金绩效, whose indicators sit under the special funds).
// The indicators must outlive the score.
ItemScore ScoreIndicatorList(const ScoringContext& context, const v1::SchemeItem& item,
                             const std::vector<const SelectedIndicator*>& selected);

}  // namespace jixiao::scoring
