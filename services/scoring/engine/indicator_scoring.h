#pragma once

// One indicator → one explained ScoreLine, under the item's indicator rules.

#include <optional>
#include <string>
#include <vector>

#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/indicator.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring {

struct IndicatorInput {
  const v1::Indicator* indicator = nullptr;
  // Where the indicator sits in the report, e.g. "key_tasks[0].indicators[3]".
  std::string field_path;
  std::string item_code;
  // Points the indicator is worth within its item (its share of the item's max).
  double weight = 0;
  // The weight the report states for it, to scale a declared score to `weight`.
  std::optional<double> stated_weight;
};

// What the indicator contributes to the inflation signals.
struct IndicatorOutcome {
  // Completion from numbers (or a stated rate standing in for them), more is better.
  bool quantitative = false;
  std::optional<double> rate_percent;
  // The completion the report prints, else the computed one: for "every
  // indicator at exactly 100%".
  std::optional<double> reported_percent;
};

struct IndicatorScore {
  v1::ScoreLine line;
  std::vector<v1::Finding> findings;
  IndicatorOutcome outcome;
};

IndicatorScore ScoreIndicator(const IndicatorInput& input, const v1::IndicatorRules& rules,
                              int decimals);

}  // namespace jixiao::scoring
