#pragma once

// An item's score in words: its ScoreLine (with the sub-lines of its indicators
// or sub-items) and the findings it raises.

#include <string>

#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/items/item_score.h"
#include "services/scoring/engine/score_computation.h"

namespace jixiao::scoring {

// Fills `line` for `score` (an item of `computation`) and appends its findings.
void ExplainItem(const ScoreComputation& computation, const ItemScore& score, v1::ScoreLine& line,
                 Findings& findings);

// Why a missing item is missing, for ScoreCard.missing:
// "报告未给出预算金额或执行率，无法重算，报告也未给出该项得分".
void AppendMissingNote(const ScoreComputation& computation, const ItemScore& score,
                       std::string& out);

}  // namespace jixiao::scoring
