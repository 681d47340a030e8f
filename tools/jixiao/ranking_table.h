#pragma once

// `jixiao ranking` as text: the top of a cohort and, when asked, the
// neighbourhood of one department, with the cohort's size and freshness.

#include <ostream>
#include <string>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {

// Rank, department code, name, total; the row of `marked_code` (may be empty)
// has "←" after its total, so that it stands out among its neighbours.
TextTable RankingTable(const google::protobuf::RepeatedPtrField<jixiao::v1::RankingEntry>& entries,
                       const std::string& marked_code);

// "top N" and "around CODE" tables (each only when the response has entries),
// the cohort size and the freshness footer.
void PrintRanking(const jixiao::v1::RankingResponse& response, const std::string& around_code,
                  std::ostream& out);

}  // namespace jixiao::cli
