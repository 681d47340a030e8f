#pragma once

// Self-score verification: the report's declared points against the recomputed
// ones, line by line, per group and in total, and the declared figures against
// each other. Every difference of at least one rounding unit (0.01) is a finding.

#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/report_index.h"

namespace jixiao::scoring {

// `card` must be fully assembled (lines, totals, grade, declared figures);
// `index` is the report's. The findings are appended to `findings` (which may
// be the card's own).
void VerifyDeclaredScores(const v1::ScoreCard& card, const v1::EvaluationReport& report,
                          const ReportIndex& index, int decimals, Findings& findings);

}  // namespace jixiao::scoring
