#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace jixiao::cli {

// Where `jixiao ingest` writes: its report (or, with --json, one response per
// line) to `out`, progress and, with --json, the report to `err`.
struct IngestStreams {
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;  // rewrite one progress line instead of logging
};

// jixiao ingest FILE|DIR… [--bulk] [--concurrency N] [--json] [--ingest HOST:PORT]
//   [--timeout S] [--department-code C --district-name N --level L --year Y
//    [--department-name N] [--sector-tags a,b]]
// Reports (*.json, or each line of *.jsonl) go to IngestService.SubmitReport,
// or with --bulk on SubmitReports streams; target tables to ImportTargetTable.
// Exit code 1 when any input failed or a target table had lines skipped.
int RunIngest(const std::vector<std::string>& args, const IngestStreams& streams);

// The same on stdout and stderr.
int RunIngest(const std::vector<std::string>& args);

}  // namespace jixiao::cli
