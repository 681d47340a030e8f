#pragma once

// A score computation in words: the explained ScoreCard. Every line says its
// rule, reason code, explanation and whether it was recomputed or taken as
// declared; the declared scores are verified against the recomputed ones; what
// cannot be scored is named. Adds text to the computation's figures, never a
// figure of its own.

#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/score_computation.h"

namespace jixiao::scoring {

// Fills `card`, which must be empty (it may live on an arena).
void ExplainScores(const ScoreComputation& computation, v1::ScoreCard& card);

}  // namespace jixiao::scoring
