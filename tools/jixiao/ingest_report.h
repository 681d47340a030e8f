#pragma once

// The report at the end of `jixiao ingest`: a summary line, then every input
// (a file, or a line of a JSON Lines file) that failed with its gRPC status
// code and message and, for a refused report, each field the service named
// (google.rpc.BadRequest); then the target-table lines the service skipped.
// When no input reached the service at all, one line says so instead of
// repeating the same UNAVAILABLE for every one.

#include <ostream>
#include <vector>

#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/ingest_outcome.h"

namespace jixiao::cli {

struct IngestTally {
  int files = 0;       // inputs: whole files, and lines of JSON Lines files
  int json_lines = 0;  // of them, lines of JSON Lines files
  int stored = 0;
  int created = 0;    // reports stored as a new version
  int unchanged = 0;  // reports whose content was already stored
  int tables = 0;     // target tables imported
  int failed = 0;
  int warnings = 0;
  int skipped_lines = 0;
};

IngestTally TallyOutcomes(const std::vector<IngestOutcome>& outcomes);

// "500 files: 497 stored (450 new, 40 unchanged, 7 target tables), 3 failed, 12 warnings"
// and what follows it, as described above; "inputs" instead of "files" when
// some are lines of JSON Lines files.
void PrintIngestReport(const std::vector<IngestOutcome>& outcomes, const ServiceEndpoint& endpoint,
                       std::ostream& out);

}  // namespace jixiao::cli
