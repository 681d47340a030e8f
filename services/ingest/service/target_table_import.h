#pragma once

// The domain steps of ImportTargetTable, free of gRPC and I/O: take the table
// given as structured data, or import it from its text, then validate,
// normalize, hash and check it for consistency.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::ingest {

struct PreparedTargetTable {
  // Normalized: table_id derived, every target parsed.
  jixiao::v1::ProjectTargetTable table;
  // content_hash.h of `table`.
  std::string content_hash;
  // Text only: the lines left out, by line number.
  std::vector<jixiao::v1::LineError> line_errors;
  std::vector<jixiao::v1::Finding> warnings;
};

// A structured `table` is validated as a whole; violations refuse it with
// field paths under "table." ("table.projects[2].total"). The request's
// `department` and `fiscal_year` belong to text and are refused alongside a
// structured table, which carries its own.
//
// With `text`, the table takes the request's department (the name printed in
// the table fills in a name the request leaves out) and fiscal year. A line is
// left out, as a LineError, when the importer cannot read it or when the
// project it yields breaks the contract (a project violation names its row's
// line); the good lines are imported all the same. Violations of the request's
// `department` or `fiscal_year` refuse the import with those field paths, a
// bad 合计 row with the field "text", and so does text without one good line.
//
// Refusals are INVALID_ARGUMENT with a google.rpc.BadRequest payload (bad_request.h).
absl::StatusOr<PreparedTargetTable> PrepareTargetTableImport(
    const jixiao::v1::ImportTargetTableRequest& request);

}  // namespace jixiao::ingest
