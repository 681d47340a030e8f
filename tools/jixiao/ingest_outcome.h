#pragma once

// What became of one input that `jixiao ingest` was given: a file, or a line
// of a JSON Lines file.

#include <grpcpp/support/status.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "jixiao/v1/ingest_service.pb.h"

namespace jixiao::cli {

struct IngestOutcome {
  std::string path;
  int line = 0;  // the line of a JSON Lines file; 0: the whole file

  // Set when the file could not be read or parsed: it was never sent.
  absl::Status local_error;
  // The service's answer when it was sent.
  bool sent = false;
  grpc::Status call_status;

  // What was stored, when the call succeeded.
  bool is_target_table = false;
  std::string stored_id;  // report id or target table id
  int64_t version = 0;    // reports: the version stored
  bool created = false;   // reports: false when identical content was already stored
  int projects = 0;       // target tables: projects imported
  int warnings = 0;       // consistency findings (stored all the same)
  // Target table text lines the service skipped; the good lines were stored.
  std::vector<jixiao::v1::LineError> skipped_lines;
  // The response as one line of JSON, for --json.
  std::string response_json;

  bool ok() const { return local_error.ok() && sent && call_status.ok(); }
  // How reports and progress name the input: "a.json", "reports.jsonl:7".
  std::string where() const { return line == 0 ? path : absl::StrCat(path, ":", line); }
};

}  // namespace jixiao::cli
