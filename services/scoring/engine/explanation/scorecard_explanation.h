#pragma once

// A score computation in words: the explained ScoreCard. Every line says its
// rule, reason code, explanation and whether it was recomputed or taken as
// declared; the declared scores are verified against the recomputed ones; what
// cannot be scored is named. Adds text to the computation's figures, never a
// figure of its own.

#include "absl/strings/string_view.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/score_computation.h"

namespace jixiao::scoring {

// Finding codes (REASON_CODES.md) raised for the card as a whole.
namespace finding {
inline constexpr absl::string_view kScoreIncomplete = "SCORE_INCOMPLETE";
inline constexpr absl::string_view kScoreOutrunsSpending = "SCORE_OUTRUNS_SPENDING";
}  // namespace finding

// Fills `card`, which must be empty (it may live on an arena).
void ExplainScores(const ScoreComputation& computation, v1::ScoreCard& card);

}  // namespace jixiao::scoring
