#pragma once

// Checks of the report against the scheme it is scored under, beyond the lines
// themselves: weights the report prints that differ from the scheme's, key-task
// scores that disagree with the items they make up, indicators no item takes.

#include <vector>

#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring {

std::vector<v1::Finding> CheckReportAgainstScheme(const v1::EvaluationReport& report,
                                                  const std::vector<const v1::SchemeGroup*>& groups,
                                                  const v1::ScoreCard& card, int decimals);

}  // namespace jixiao::scoring
