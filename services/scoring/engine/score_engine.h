#pragma once

// The scoring engine: a report and a prepared scheme in, an explained scorecard
// out. Pure: no I/O, no clock, no global state; the same inputs give the same card.

#include "absl/status/statusor.h"
#include "google/protobuf/arena.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// Scores `report` under `scheme` (and the first of its variants whose condition
// holds). Every line says its rule, reason code, explanation and whether it was
// recomputed or taken as declared; the declared scores are verified against the
// recomputed ones; what cannot be scored makes the card incomplete and is named.
//
// The figures are those of ComputeScores (score_computation.h), explained by
// ExplainScores (scorecard_explanation.h). InvalidArgument when the scheme is
// for another kind of report (an invalid scheme cannot be prepared). Missing or
// odd report data never fails: it is scored by the scheme's policies and
// reported as findings.
absl::StatusOr<v1::ScoreCard> ScoreReport(const v1::EvaluationReport& report,
                                          const PreparedScheme& scheme);

// The same card, allocated on `arena` with everything it holds, for a caller
// that keeps it in an arena of its own (a request's): its messages and strings
// cost no allocation of their own, and freeing them is the arena's one release.
// The card lives as long as the arena.
absl::StatusOr<v1::ScoreCard*> ScoreReport(const v1::EvaluationReport& report,
                                           const PreparedScheme& scheme,
                                           google::protobuf::Arena& arena);

}  // namespace jixiao::scoring
