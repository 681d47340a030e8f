#pragma once

// ITEM_SOURCE_INDICATORS: an item scored from the report's indicators, or taken
// as declared when the report does not itemize them.

#include <vector>

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/indicators/indicator_selection.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of an indicator item's line.
namespace reason {
inline constexpr absl::string_view kIndicatorsRecomputed = "INDICATORS_RECOMPUTED";
inline constexpr absl::string_view kDeclaredNotItemized = "DECLARED_NOT_ITEMIZED";
inline constexpr absl::string_view kDeclaredPartiallyItemized = "DECLARED_PARTIALLY_ITEMIZED";
inline constexpr absl::string_view kDeclaredFromKeyTasks = "DECLARED_FROM_KEY_TASKS";
}  // namespace reason

ItemScore ScoreIndicatorItem(const ScoringContext& context, const v1::SchemeItem& item);

// Scores `selected` into one item, their weights scaled to the item's max
// (shared with 专项资金绩效, whose indicators sit under the special funds).
// The indicators must outlive the score.
ItemScore ScoreIndicatorList(const ScoringContext& context, const v1::SchemeItem& item,
                             const std::vector<const SelectedIndicator*>& selected);

}  // namespace jixiao::scoring
