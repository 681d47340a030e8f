#pragma once

// ITEM_SOURCE_SUB_ITEMS: an item whose points are its sub-items' (要点, parts of
// a year), each scored by its own source and aggregated by the item's rule:
//   SUM   the sub-items' points added;
//   MEAN  the mean of their shares of their maxima, times the item's max;
//   MIN   the smallest share, times the item's max.
// Rounding: sub-items are scored exactly and never rounded on their own; the
// item is rounded once, to the scheme's decimals, after aggregation. With
// equal_shares each of n sub-items is worth max / n exactly, so three 要点 of a
// 2-point item are 2/3 each and all three met give exactly 2.

#include <string>

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of an item scored from its sub-items.
namespace reason {
inline constexpr absl::string_view kSubItemsSum = "SUB_ITEMS_SUM";
inline constexpr absl::string_view kSubItemsMean = "SUB_ITEMS_MEAN";
inline constexpr absl::string_view kSubItemsMin = "SUB_ITEMS_MIN";
}  // namespace reason

// `score_item` scores one sub-item by its source (group_scoring.h's ScoreItem).
ItemScore ScoreSubItemsItem(const ScoringContext& context, const v1::SchemeItem& item,
                            ItemScore (*score_item)(const ScoringContext&, const v1::SchemeItem&));

// The decimals sub-items are scored to: far below any printed precision.
inline constexpr int kExactDecimals = 9;

// The line's sentence: how many sub-items, how they were aggregated, the points.
void AppendSubItemsExplanation(const ItemScore& score, int decimals, std::string& out);

}  // namespace jixiao::scoring
