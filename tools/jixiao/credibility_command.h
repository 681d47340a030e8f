#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao credibility --year Y [--district CODE]… [--scheme ID[@V]] [--level L]
//   [--sector TAG]… [--cohort NAME] [--query HOST:PORT] [--timeout S] [--json]
// QueryService.BudgetCredibility: each department's execution and adjustment
// rates, aggregate outturn graded in the PEFA PI-1 style, and whether its
// claimed performance outruns its spending, beside declared vs recomputed.
int RunCredibility(const std::vector<std::string>& args);

}  // namespace jixiao::cli
