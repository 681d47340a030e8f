#pragma once

// Signals that a self-evaluation may be inflated (InflationSignals in
// scorecard.proto): the declared total above the recomputed one, targets
// overshot (set too low), every indicator at exactly 100%, and indicator scores
// that outrun spending (a provincial warning rule: red when the claimed
// indicator score rate exceeds the budget execution rate by more than 5%, relative).

#include <optional>
#include <vector>

#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/items/group_scoring.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// `groups`: scored under `effective`; `total`: their rounded total.
v1::InflationSignals ComputeSignals(const std::vector<GroupScore>& groups,
                                    const EffectiveScheme& effective,
                                    std::optional<double> declared_total, double total,
                                    bool complete, int decimals);

}  // namespace jixiao::scoring
