#pragma once

// A scheme group → a ScoreGroup: each item scored by its source, the lines
// summed, and what could not be scored named.

#include <optional>
#include <string>
#include <vector>

#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/item_score.h"

namespace jixiao::scoring {

struct GroupScore {
  v1::ScoreGroup group;
  std::vector<v1::Finding> findings;
  std::vector<IndicatorOutcome> outcomes;
  // Item codes scored from indicators, for the indicator score rate.
  std::vector<std::string> indicator_item_codes;
  std::optional<double> execution_rate_percent;
  // Entries of ScoreCard.missing: "管理效率 (management): 报告未给出管理效率各项得分".
  std::vector<std::string> missing;
};

// One item, by its source.
ItemScore ScoreItem(const ScoringContext& context, const v1::SchemeItem& item);

GroupScore ScoreSchemeGroup(const ScoringContext& context, const v1::SchemeGroup& group);

}  // namespace jixiao::scoring
