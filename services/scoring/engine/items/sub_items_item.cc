#include "services/scoring/engine/items/sub_items_item.h"

#include <algorithm>

#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {

ItemScore ScoreSubItemsItem(const ScoringContext& context, const v1::SchemeItem& item,
                            ItemScore (*score_item)(const ScoringContext&, const v1::SchemeItem&)) {
  ItemScore score = StartItemScore(context, item);
  score.basis = ItemBasis::kSubItems;
  const int count = item.sub_items_size();
  const bool shares = item.equal_shares() || item.aggregate() == v1::AGGREGATE_MEAN ||
                      item.aggregate() == v1::AGGREGATE_MIN;
  // Each sub-item's worth: an equal share, the item's max (MEAN, MIN), or its own.
  for (const v1::SchemeItem& sub : item.sub_items()) {
    if (!shares) continue;
    const double worth = item.equal_shares() ? score.max / static_cast<double>(count) : score.max;
    context.maxima->overrides[&sub] = worth;
  }
  ScoringContext exact = context;
  exact.decimals = kExactDecimals;
  double sum = 0;
  double share_sum = 0;
  double least_share = 1;
  bool missing = false;
  bool all_recomputed = true;
  for (const v1::SchemeItem& sub : item.sub_items()) {
    ItemScore& scored = score.sub_scores.emplace_back(score_item(exact, sub));
    missing |= scored.missing;
    all_recomputed &= scored.provenance == v1::PROVENANCE_RECOMPUTED;
    sum += scored.points;
    const double share = scored.max > 0 ? scored.points / scored.max : 0;
    share_sum += share;
    least_share = std::min(least_share, share);
  }
  double points = sum;
  if (item.aggregate() == v1::AGGREGATE_MEAN) {
    points = score.max * share_sum / static_cast<double>(count);
    score.reason = reason::kSubItemsMean;
  } else if (item.aggregate() == v1::AGGREGATE_MIN) {
    points = score.max * least_share;
    score.reason = reason::kSubItemsMin;
  } else {
    score.reason = reason::kSubItemsSum;
  }
  score.points = std::min(RoundTo(points, context.decimals), score.max);
  score.rule = "sub_items";
  score.missing = missing;
  score.provenance = missing          ? v1::PROVENANCE_MISSING
                     : all_recomputed ? v1::PROVENANCE_RECOMPUTED
                                      : v1::PROVENANCE_DECLARED;
  return score;
}

void AppendSubItemsExplanation(const ItemScore& score, int decimals, std::string& out) {
  absl::string_view how = "合计";
  if (score.reason == reason::kSubItemsMean) how = "各要点得分率的平均";
  if (score.reason == reason::kSubItemsMin) how = "各要点中最低的得分率";
  AppendText(out, "按 ", score.sub_scores.size(), " 个要点计",
             score.item->equal_shares() ? "（平分该项分值，不单独取整）" : "", "，取", how, "，得 ",
             Figure{score.points, decimals}, "/", Figure{score.max}, " 分");
}

}  // namespace jixiao::scoring
