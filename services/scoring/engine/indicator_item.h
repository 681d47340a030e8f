#pragma once

// ITEM_SOURCE_INDICATORS: an item scored from the report's indicators, or taken
// as declared when the report does not itemize them.

#include <vector>

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/indicator_selection.h"
#include "services/scoring/engine/item_score.h"

namespace jixiao::scoring {

// How many indicators the key tasks announce, and how many they list. The
// Guangzhou city report announces 27 and lists none: its 产出 and 效益 cannot
// be recomputed.
struct KeyTaskCoverage {
  int announced = 0;
  int listed = 0;
  int tasks = 0;
  bool partial() const { return announced > listed; }
};

KeyTaskCoverage CoverageOf(const v1::EvaluationReport& report);

ItemScore ScoreIndicatorItem(const ScoringContext& context, const v1::SchemeItem& item);

// Scores `selected` into one item line, their weights scaled to the item's max
// (shared with 专项资金绩效, whose indicators sit under the special funds).
ItemScore ScoreIndicatorList(const ScoringContext& context, const v1::SchemeItem& item,
                             const std::vector<SelectedIndicator>& selected);

}  // namespace jixiao::scoring
