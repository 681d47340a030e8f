#include "services/scoring/engine/items/declared_item.h"

#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

// The scheme's sub-items the report scores, in scheme order.
std::vector<DeclaredSubItem> DeclaredSubItems(const ScoringContext& context,
                                              const v1::SchemeItem& item) {
  std::vector<DeclaredSubItem> given;
  for (const v1::SchemeItem& sub : item.sub_items()) {
    const v1::AssessedItem* assessed = context.index.FindAssessedItem(sub);
    if (assessed == nullptr || !assessed->has_declared_score()) continue;
    given.push_back({&sub, assessed, CountDeclared(context, sub, assessed->declared_score())});
  }
  return given;
}

}  // namespace

ItemScore ScoreDeclaredItem(const ScoringContext& context, const v1::SchemeItem& item) {
  ItemScore score = StartItemScore(context, item);
  score.sub_items = DeclaredSubItems(context, item);
  double sum = 0;
  for (const DeclaredSubItem& sub : score.sub_items) sum += sub.score.counted;
  score.sub_items_sum = RoundTo(sum, context.decimals);
  const int given = static_cast<int>(score.sub_items.size());
  const bool all_sub_items = !item.sub_items().empty() && given == item.sub_items_size();
  score.rule = "declared";

  if (score.assessed != nullptr && score.assessed->has_declared_score()) {
    score.basis = ItemBasis::kDeclaredItem;
    score.declared = CountDeclared(context, item, score.assessed->declared_score());
    score.sub_items_disagree =
        all_sub_items && !SameScore(score.sub_items_sum, score.declared.counted, context.decimals);
    score.points = score.declared.counted;
    score.provenance = v1::PROVENANCE_DECLARED;
    score.reason = reason::kDeclared;
    return score;
  }
  if (all_sub_items) {
    score.basis = ItemBasis::kDeclaredSubItems;
    score.points = score.sub_items_sum;
    score.provenance = v1::PROVENANCE_DECLARED;
    score.reason = reason::kDeclared;
    return score;
  }
  if (given > 0) {
    score.basis = ItemBasis::kDeclaredSomeSubItems;
    score.points = score.sub_items_sum;
    score.provenance = v1::PROVENANCE_MISSING;
    score.reason = reason::kDeclaredPartial;
    score.missing = true;
    return score;
  }
  return DeclaredOrMissing(context, item, reason::kDeclared, NotRecomputed::kDeclaredOnly);
}

}  // namespace jixiao::scoring
