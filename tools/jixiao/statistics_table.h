#pragma once
// Cohort statistics as text: the distribution, then one department a line.
#include <ostream>

#include "jixiao/v1/query_service.pb.h"

namespace jixiao::cli {

void PrintStatistics(const jixiao::v1::CohortStatisticsResponse& response, std::ostream& out);

}  // namespace jixiao::cli
