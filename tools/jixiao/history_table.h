#pragma once

// `jixiao history` as a table: the audit of one report, a row per stored version.

#include <ostream>

#include "jixiao/v1/ingest_service.pb.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {

// Version, commit time (UTC), submitted by, from, content hash; oldest first.
TextTable HistoryTable(const jixiao::v1::GetReportHistoryResponse& response);

// A title naming the report and its number of versions, then the table.
void PrintHistory(const jixiao::v1::GetReportHistoryResponse& response, std::ostream& out);

}  // namespace jixiao::cli
