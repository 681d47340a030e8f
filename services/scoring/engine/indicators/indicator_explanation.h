#pragma once

// An indicator's score in words: its ScoreLine, with the explanation
// "目标 10家，实际 74家，完成率 740%，超过 150%，目标设定偏低，扣减该指标分值的 50%：得 0.63
// 分（分值 1.25 分）".

#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/indicators/indicator_scoring.h"

namespace jixiao::scoring {

// Fills `line` for `score`, an indicator of the item `item_code` scored under `rules`.
void ExplainIndicator(const IndicatorScore& score, const v1::IndicatorRules& rules,
                      const std::string& item_code, int decimals, v1::ScoreLine& line);

// The clause that justifies the verdict's share: "未达目标，按完成率计，得分值的 80%".
void AppendVerdictDetail(const IndicatorScore& score, const v1::IndicatorRules& rules,
                         std::string& out);

}  // namespace jixiao::scoring
