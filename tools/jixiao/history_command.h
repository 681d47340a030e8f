#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao history REPORT_ID [--ingest HOST:PORT] [--timeout S] [--json]
// IngestService.GetReportHistory: every stored version of a report, who
// submitted it, from where, when, and its content hash.
int RunHistory(const std::vector<std::string>& args);

}  // namespace jixiao::cli
