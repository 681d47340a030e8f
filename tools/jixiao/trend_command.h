#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao trend DEPT_CODE [--from YEAR] [--to YEAR] [--scheme ID[@V]]
//   [--query HOST:PORT] [--timeout S] [--json]
// QueryService.Trend: one department's scores year by year under one scheme.
int RunTrend(const std::vector<std::string>& args);

}  // namespace jixiao::cli
