#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao ranking --year Y [--scheme ID[@V]] [--top N] [--around CODE [--k K]]
//   [--level L] [--sector TAG]… [--cohort NAME] [--query HOST:PORT] [--timeout S] [--json]
// QueryService.Ranking: the top of a cohort and the neighbours of a department.
int RunRanking(const std::vector<std::string>& args);

}  // namespace jixiao::cli
