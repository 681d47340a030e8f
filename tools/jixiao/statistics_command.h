#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao statistics --year Y [--department CODE]… [--district CODE]… [--scheme ID[@V]]
//   [--level L] [--sector TAG]… [--cohort NAME] [--query HOST:PORT] [--timeout S] [--json]
// QueryService.CohortStatistics: the cohort's distribution of recomputed
// scores, grades and colours, and each department's rank, percentile and
// change from the year before.
int RunStatistics(const std::vector<std::string>& args);

}  // namespace jixiao::cli
