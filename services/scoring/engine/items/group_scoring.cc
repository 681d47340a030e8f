#include "services/scoring/engine/items/group_scoring.h"

#include <algorithm>
#include <optional>

#include "services/scoring/engine/items/check_item.h"
#include "services/scoring/engine/items/declared_item.h"
#include "services/scoring/engine/items/declared_lookup.h"
#include "services/scoring/engine/items/execution_item.h"
#include "services/scoring/engine/items/indicator_item.h"
#include "services/scoring/engine/items/special_fund_item.h"
#include "services/scoring/engine/items/sub_items_item.h"
#include "services/scoring/engine/items/weight_allocation.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {

namespace {

// Nothing the item could be scored from: no indicator selected and none
// declared for it, or no budget figures and no declared score.
bool HasNothing(const ScoringContext& context, const v1::SchemeItem& item) {
  const v1::AssessedItem* assessed = context.index.FindAssessedItem(item);
  if (assessed != nullptr && assessed->has_declared_score()) return false;
  switch (item.source()) {
    case v1::ITEM_SOURCE_INDICATORS:
      return context.assignment->For(item).empty();
    case v1::ITEM_SOURCE_BUDGET_EXECUTION:
      return !BudgetExecutionRate(context.report.budget()).has_value() &&
             context.report.budget().years().empty();
    default:
      return false;
  }
}

ItemScore AbsentItem(const ScoringContext& context, const v1::SchemeItem& item,
                     v1::AbsentPolicy policy) {
  ItemScore score = StartItemScore(context, item);
  score.basis = ItemBasis::kAbsent;
  score.points = 0;
  score.provenance = v1::PROVENANCE_RECOMPUTED;
  switch (policy) {
    case v1::ABSENT_POLICY_MOVE:
      score.rule = "absent_moved";
      score.reason = reason::kAbsentMoved;
      break;
    case v1::ABSENT_POLICY_RESCALE:
      score.rule = "absent_rescaled";
      score.reason = reason::kAbsentRescaled;
      break;
    default:
      score.rule = "absent_zeroed";
      score.reason = reason::kAbsentZeroed;
      break;
  }
  return score;
}

const v1::SchemeItem* FindItem(const std::vector<const v1::SchemeGroup*>& groups,
                               absl::string_view code) {
  for (const v1::SchemeGroup* group : groups) {
    for (const v1::SchemeItem& item : group->items()) {
      if (item.code() == code) return &item;
    }
  }
  return nullptr;
}

}  // namespace

void SettleAbsentItems(const ScoringContext& context,
                       const std::vector<const v1::SchemeGroup*>& groups, ItemMaxima& maxima) {
  for (const v1::SchemeGroup* group : groups) {
    for (const v1::SchemeItem& item : group->items()) {
      const v1::AbsentPolicy policy = item.absent();
      if (policy == v1::ABSENT_POLICY_UNSPECIFIED || policy == v1::ABSENT_POLICY_INCOMPLETE) {
        continue;
      }
      if (HasNothing(context, item)) maxima.absent[&item] = policy;
    }
  }
  for (const v1::SchemeGroup* group : groups) {
    for (const v1::SchemeItem& item : group->items()) {
      const auto absent = maxima.absent.find(&item);
      if (absent == maxima.absent.end() || absent->second == v1::ABSENT_POLICY_ZERO) continue;
      const double moved = maxima.Of(item);
      if (absent->second == v1::ABSENT_POLICY_MOVE) {
        const v1::SchemeItem* target = FindItem(groups, item.absent_to());
        if (target == nullptr || maxima.absent.contains(target)) continue;  // stays incomplete
        maxima.overrides[target] = maxima.Of(*target) + moved;
        maxima.received_from[target].push_back(&item);
      } else {
        std::vector<const v1::SchemeItem*> others;
        std::vector<std::optional<double>> weights;
        for (const v1::SchemeItem& other : group->items()) {
          if (&other == &item || maxima.absent.contains(&other)) continue;
          others.push_back(&other);
          weights.emplace_back(maxima.Of(other));
        }
        if (others.empty()) continue;
        const std::vector<double> shares = AllocateWeights(weights, moved, context.decimals);
        for (size_t i = 0; i < others.size(); ++i) {
          maxima.overrides[others[i]] = maxima.Of(*others[i]) + shares[i];
          maxima.received_from[others[i]].push_back(&item);
        }
      }
      maxima.overrides[&item] = 0;
    }
  }
}

ItemScore ScoreItem(const ScoringContext& context, const v1::SchemeItem& item) {
  if (context.maxima != nullptr) {
    const auto absent = context.maxima->absent.find(&item);
    if (absent != context.maxima->absent.end()) return AbsentItem(context, item, absent->second);
  }
  switch (item.source()) {
    case v1::ITEM_SOURCE_SUB_ITEMS:
      return ScoreSubItemsItem(context, item, &ScoreItem);
    case v1::ITEM_SOURCE_CHECK:
      return ScoreCheckItem(context, item);
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
    score.max += score.items.back().max;
  }

  double sum = 0;
  if (missing == group.items_size() && score.declared_points.has_value()) {
    score.subtotal_stands_in = true;
    score.max = group.max();
    score.subtotal_points =
        RoundTo(std::clamp(*score.declared_points, 0.0, score.max), context.decimals);
    sum = score.subtotal_points;
  } else {
    score.all_missing = missing == group.items_size();
    for (const ItemScore& item : score.items) sum += item.points;
  }
  score.points = std::min(RoundTo(sum, context.decimals), score.max);
  return score;
}

}  // namespace jixiao::scoring
