#pragma once
// A CohortStatisticsResponse put together from a year's ranked rows and the
// year before's (cohort_statistics.h holds the definitions).
#include <string>

#include "absl/types/span.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

// Fills everything but scheme and freshness. Both row sets must be ranked by
// RankRows. `department_codes`, when not empty, limits the standings listed
// (not the statistics) to those departments.
void FillCohortStatistics(absl::Span<const jixiao::v1::ComparisonRow> current,
                          absl::Span<const jixiao::v1::ComparisonRow> previous,
                          absl::Span<const std::string> department_codes,
                          jixiao::v1::CohortStatisticsResponse* response);

}  // namespace jixiao::query
