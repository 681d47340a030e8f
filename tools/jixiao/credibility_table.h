#pragma once
// The budget-credibility lens as a table, one department a line.
#include <ostream>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {

TextTable CredibilityTable(const jixiao::v1::BudgetCredibilityResponse& response);

// The table, the reasons of ungraded outturns, and the freshness footer.
void PrintCredibility(const jixiao::v1::BudgetCredibilityResponse& response, std::ostream& out);

}  // namespace jixiao::cli
