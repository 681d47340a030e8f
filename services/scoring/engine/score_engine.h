#pragma once

// The scoring engine: a report and a scheme in, an explained scorecard out.
// Pure: no I/O, no clock, no global state; the same inputs give the same card.

#include "absl/status/statusor.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring {

// Scores `report` under `scheme` (and the first of its variants whose condition
// holds). Every line says its rule, reason code, explanation and whether it was
// recomputed or taken as declared; the declared scores are verified against the
// recomputed ones; what cannot be scored makes the card incomplete and is named.
//
// InvalidArgument when the scheme is not valid (see ValidateScheme) or is for
// another kind of report. Missing or odd report data never fails: it is scored
// by the scheme's policies and reported as findings.
absl::StatusOr<v1::ScoreCard> ScoreReport(const v1::EvaluationReport& report,
                                          const v1::Scheme& scheme);

}  // namespace jixiao::scoring
