#pragma once

// `jixiao trend` as a table: one department's scores year by year under one
// scheme, so that a change of score is not confused with a change of rules.

#include <ostream>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {

// Year, recomputed total, grade, declared total, declared − recomputed,
// execution %, rank, completeness; in the response's order.
TextTable TrendTable(const jixiao::v1::TrendResponse& response);

// A title naming the department (from the first point), the table and the
// freshness footer.
void PrintTrend(const jixiao::v1::TrendResponse& response, std::ostream& out);

}  // namespace jixiao::cli
