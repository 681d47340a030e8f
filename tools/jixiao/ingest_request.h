#pragma once

// Turns one input of `jixiao ingest` into the request that carries it:
//   *.txt   a target table's text → ImportTargetTable with the department and
//           year from the options (the text names neither)
//   *.jsonl one input per line that is not blank: an EvaluationReport in
//           proto3 JSON (as `jixiao gen` writes them) → SubmitReport
//   else    proto3 JSON: an EvaluationReport → SubmitReport, or else a
//           ProjectTargetTable → ImportTargetTable
// Done on the client so that a file that is not even JSON is reported without
// a round trip, with the parser's message.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "common/domain/table_import/report_identity.h"
#include "jixiao/v1/ingest_service.pb.h"

namespace jixiao::cli {

using IngestRequest =
    std::variant<jixiao::v1::SubmitReportRequest, jixiao::v1::ImportTargetTableRequest>;

// One thing to send: a whole file, or one line of a JSON Lines file. A line
// is kept as where it lies, not as its text, so that a file of hundreds of
// thousands of reports costs a few bytes a line until each is sent.
struct IngestInput {
  std::string path;
  int line = 0;         // 1-based line of a *.jsonl file; 0: the whole file
  uint64_t offset = 0;  // with a line: its first byte in the file
  uint64_t length = 0;  // with a line: its bytes, without the line break
};

// True for files taken as target-table text.
bool IsTargetTableText(const std::string& path);
// True for files taken as JSON Lines, one report a line.
bool IsJsonLines(const std::string& path);

// The inputs of `files`, in order: every file as it is, except that a JSON
// Lines file gives one input per line that is not blank (blank lines are
// skipped but counted, so numbers are those an editor shows). Fails only
// when a JSON Lines file cannot be read.
absl::StatusOr<std::vector<IngestInput>> SplitIngestInputs(const std::vector<std::string>& files);

// `owner` is needed only for target-table text; without it such a file fails.
absl::StatusOr<IngestRequest> BuildIngestRequest(
    const IngestInput& input, const std::optional<table_import::ReportIdentity>& owner);

}  // namespace jixiao::cli
