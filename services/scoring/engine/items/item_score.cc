#include "services/scoring/engine/items/item_score.h"

#include <algorithm>

#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {

ItemScore StartItemScore(const ScoringContext& context, const v1::SchemeItem& item) {
  ItemScore score;
  score.item = &item;
  score.max = context.MaxOf(item);
  score.assessed = context.index.FindAssessedItem(item);
  if (score.assessed != nullptr && score.assessed->has_declared_score()) {
    score.declared_points = score.assessed->declared_score();
  }
  return score;
}

DeclaredScore CountDeclared(const ScoringContext& context, const v1::SchemeItem& item,
                            double printed) {
  DeclaredScore score;
  score.printed = printed;
  const double max = context.MaxOf(item);
  score.out_of_range = printed > max || printed < 0;
  score.counted = RoundTo(std::clamp(printed, 0.0, max), context.decimals);
  return score;
}

ItemScore DeclaredOrMissing(const ScoringContext& context, const v1::SchemeItem& item,
                            absl::string_view declared_reason, NotRecomputed why) {
  ItemScore score = StartItemScore(context, item);
  score.why = why;
  if (score.assessed != nullptr && score.assessed->has_declared_score()) {
    score.basis = ItemBasis::kDeclared;
    score.declared = CountDeclared(context, item, score.assessed->declared_score());
    score.points = score.declared.counted;
    score.provenance = v1::PROVENANCE_DECLARED;
    score.rule = "declared";
    score.reason = declared_reason;
    return score;
  }
  score.basis = ItemBasis::kMissing;
  score.points = 0;
  score.provenance = v1::PROVENANCE_MISSING;
  score.rule = "missing";
  score.reason = reason::kMissing;
  score.missing = true;
  return score;
}

}  // namespace jixiao::scoring
