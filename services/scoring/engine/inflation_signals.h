#pragma once

// Signals that a self-evaluation may be inflated (InflationSignals in
// scorecard.proto): the declared total above the recomputed one, targets
// overshot (set too low), every indicator at exactly 100%, and indicator scores
// that outrun spending (a provincial warning rule: red when the claimed
// indicator score rate exceeds the budget execution rate by more than 5%, relative).

#include <optional>
#include <string>
#include <vector>

#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/indicator_scoring.h"

namespace jixiao::scoring {

struct SignalInputs {
  std::vector<IndicatorOutcome> outcomes;
  // Items scored from indicators: their lines give the indicator score rate.
  std::vector<std::string> indicator_item_codes;
  std::optional<double> execution_rate_percent;
};

// `card` must hold its groups, total and declared total.
v1::InflationSignals ComputeSignals(const v1::ScoreCard& card, const SignalInputs& inputs,
                                    int decimals);

}  // namespace jixiao::scoring
