#pragma once

// `jixiao compare` as a table: every department re-scored under one scheme,
// ranked, with its own declaration, its budget execution and adjustment, and
// the points of each scheme group beside the total.

#include <ostream>
#include <vector>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {

// Rank, district, department, recomputed total, grade, declared total,
// declared − recomputed, execution %, adjustment %, one column per group code
// (every code any row has, sorted), completeness. Rows in the response's order,
// which is the service's ranking order.
TextTable ComparisonTable(const jixiao::v1::CompareResponse& response);

// The table, a line counting departments, and the freshness footer.
void PrintComparison(const jixiao::v1::CompareResponse& response, std::ostream& out);

}  // namespace jixiao::cli
