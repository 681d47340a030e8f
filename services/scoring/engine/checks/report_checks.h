#pragma once

// Checks of the report against the scheme it is scored under, beyond the lines
// themselves: weights the report prints that differ from the scheme's, key-task
// scores that disagree with the items they make up, indicators no item takes,
// items the report assesses under codes the scheme does not know.

#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/indicators/indicator_assignment.h"
#include "services/scoring/engine/report_index.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// `card`: the report's scorecard under `effective`, with its lines; `index`: the report's.
void CheckReportAgainstScheme(const v1::EvaluationReport& report, const ReportIndex& index,
                              const PreparedScheme& scheme, const EffectiveScheme& effective,
                              const IndicatorAssignment& assignment, const v1::ScoreCard& card,
                              int decimals, Findings& findings);

}  // namespace jixiao::scoring
