#pragma once

// ITEM_SOURCE_DECLARED: assessed items (管理效率) taken as the report declares
// them, with their sub-items where the report gives them. Nothing is recomputed:
// the report gives scores, not the facts to recompute them from.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

ItemScore ScoreDeclaredItem(const ScoringContext& context, const v1::SchemeItem& item);

}  // namespace jixiao::scoring
