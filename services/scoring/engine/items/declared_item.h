#pragma once

// ITEM_SOURCE_DECLARED: assessed items (管理效率) taken as the report declares
// them, with their sub-items where the report gives them. Nothing is recomputed:
// the report gives scores, not the facts to recompute them from.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of an item or sub-item taken as declared.
namespace reason {
inline constexpr absl::string_view kDeclared = "DECLARED";
inline constexpr absl::string_view kDeclaredPartial = "DECLARED_PARTIAL";
}  // namespace reason

ItemScore ScoreDeclaredItem(const ScoringContext& context, const v1::SchemeItem& item);

}  // namespace jixiao::scoring
