#pragma once

// ITEM_SOURCE_CHECK: a check (要点) the report answers yes or no, as the
// assessed item with the check's code (AssessedItem.met): full marks when it
// holds, none when it does not; the report's declared score when it answers
// with a score only.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of a check's line.
namespace reason {
inline constexpr absl::string_view kCheckMet = "CHECK_MET";
inline constexpr absl::string_view kCheckNotMet = "CHECK_NOT_MET";
}  // namespace reason

ItemScore ScoreCheckItem(const ScoringContext& context, const v1::SchemeItem& item);

}  // namespace jixiao::scoring
