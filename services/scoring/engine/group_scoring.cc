#include "services/scoring/engine/group_scoring.h"

#include <algorithm>

#include "services/scoring/engine/declared_item.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/execution_item.h"
#include "services/scoring/engine/indicator_item.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/engine/special_fund_item.h"

namespace jixiao::scoring {

ItemScore ScoreItem(const ScoringContext& context, const v1::SchemeItem& item) {
  switch (item.source()) {
    case v1::ITEM_SOURCE_INDICATORS:
      return ScoreIndicatorItem(context, item);
    case v1::ITEM_SOURCE_BUDGET_EXECUTION:
      return ScoreBudgetExecutionItem(context, item);
    case v1::ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE:
      return ScoreSpecialFundPerformanceItem(context, item);
    case v1::ITEM_SOURCE_SPECIAL_FUND_EXECUTION:
      return ScoreSpecialFundExecutionItem(context, item);
    default:
      return ScoreDeclaredItem(context, item);
  }
}

GroupScore ScoreSchemeGroup(const ScoringContext& context, const v1::SchemeGroup& group) {
  GroupScore score;
  score.group = &group;
  if (const v1::DeclaredSubtotal* subtotal = FindDeclaredSubtotal(context.report, group.code());
      subtotal != nullptr && subtotal->has_score()) {
    score.declared_points = subtotal->score();
  }
  score.items.reserve(group.items_size());
  int missing = 0;
  for (const v1::SchemeItem& item : group.items()) {
    score.items.push_back(ScoreItem(context, item));
    missing += score.items.back().missing;
  }

  double sum = 0;
  if (missing == group.items_size() && score.declared_points.has_value()) {
    score.subtotal_stands_in = true;
    score.subtotal_points =
        RoundTo(std::clamp(*score.declared_points, 0.0, group.max()), context.decimals);
    sum = score.subtotal_points;
  } else {
    score.all_missing = missing == group.items_size();
    for (const ItemScore& item : score.items) sum += item.points;
  }
  score.points = std::min(RoundTo(sum, context.decimals), group.max());
  return score;
}

}  // namespace jixiao::scoring
