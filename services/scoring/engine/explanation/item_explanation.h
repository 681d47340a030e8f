#pragma once

// An item's score in words: its ScoreLine (with the sub-lines of its indicators
// or sub-items) and the findings it raises.

#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/items/item_score.h"
#include "services/scoring/engine/score_computation.h"

namespace jixiao::scoring {

// Finding codes (REASON_CODES.md) raised while an item is explained.
namespace finding {
inline constexpr absl::string_view kAbsentItem = "ABSENT_ITEM";
inline constexpr absl::string_view kDeclaredOutOfRange = "DECLARED_OUT_OF_RANGE";
inline constexpr absl::string_view kIndicatorsPartiallyItemized = "INDICATORS_PARTIALLY_ITEMIZED";
inline constexpr absl::string_view kRowWeightsDoNotAddUp = "ROW_WEIGHTS_DO_NOT_ADD_UP";
inline constexpr absl::string_view kRowWeightsIncomplete = "ROW_WEIGHTS_INCOMPLETE";
}  // namespace finding

// Fills `line` for `score` (an item of `computation`) and appends its findings.
void ExplainItem(const ScoreComputation& computation, const ItemScore& score, v1::ScoreLine& line,
                 Findings& findings);

// Why a missing item is missing, for ScoreCard.missing:
// "报告未给出预算金额或执行率，无法重算，报告也未给出该项得分".
void AppendMissingNote(const ScoreComputation& computation, const ItemScore& score,
                       std::string& out);

}  // namespace jixiao::scoring
