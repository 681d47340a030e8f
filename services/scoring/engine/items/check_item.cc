#include "services/scoring/engine/items/check_item.h"

namespace jixiao::scoring {

ItemScore ScoreCheckItem(const ScoringContext& context, const v1::SchemeItem& item) {
  ItemScore score = StartItemScore(context, item);
  if (score.assessed == nullptr || !score.assessed->has_met()) {
    return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                             NotRecomputed::kCheckUnanswered);
  }
  score.basis = ItemBasis::kCheck;
  score.check_met = score.assessed->met();
  score.points = score.check_met ? score.max : 0;
  score.provenance = v1::PROVENANCE_RECOMPUTED;
  score.rule = "check";
  score.reason = score.check_met ? reason::kCheckMet : reason::kCheckNotMet;
  return score;
}

}  // namespace jixiao::scoring
