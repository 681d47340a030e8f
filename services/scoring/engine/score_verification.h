#pragma once

// Self-score verification: the report's declared points against the recomputed
// ones, line by line, per group and in total, and the declared figures against
// each other. Every difference of at least one rounding unit (0.01) is a finding.

#include <vector>

#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring {

// `card` must be fully assembled (lines, totals, grade, declared figures).
std::vector<v1::Finding> VerifyDeclaredScores(const v1::ScoreCard& card,
                                              const v1::EvaluationReport& report, int decimals);

}  // namespace jixiao::scoring
