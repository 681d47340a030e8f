#pragma once

// The row form both backends store: the message serialized whole (so that a
// report reads back exactly as it was put) beside the few fields that filters
// and listings need as columns. Converting here, once, keeps the two backends'
// columns identical and checks each item before any SQL runs, so that a bad
// item fails alone instead of aborting the whole group commit.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

struct ReportRow {
  std::string report_id;
  std::string content_hash;
  std::string department_code;
  std::string district_code;
  int level = 0;
  int fiscal_year = 0;
  int kind = 0;
  std::string department;                // serialized jixiao.v1.Department, for listings
  std::string body;                      // serialized jixiao.v1.EvaluationReport
  std::vector<std::string> sector_tags;  // sorted, unique
  Submitter submitter;
};

struct TargetTableRow {
  std::string table_id;
  std::string content_hash;
  std::string department_code;
  int fiscal_year = 0;
  std::string body;  // serialized jixiao.v1.ProjectTargetTable
  Submitter submitter;
};

// INVALID_ARGUMENT when the id or hash is empty, or a column would not be
// valid text (malformed UTF-8 or NUL, which PostgreSQL refuses).
absl::StatusOr<ReportRow> ToReportRow(const ReportToStore& item);
absl::StatusOr<TargetTableRow> ToTargetTableRow(const jixiao::v1::ProjectTargetTable& table,
                                                absl::string_view content_hash,
                                                const Submitter& submitter);

// DATA_LOSS naming what was stored ("report", "department", "target table"),
// its id and version: stored bytes that no longer parse are damage, not bad input.
absl::Status Unparsable(absl::string_view what, absl::string_view id, int64_t version);

// Parses a stored protobuf column as a T.
template <typename T>
absl::StatusOr<T> ParseStored(absl::string_view bytes, absl::string_view what, absl::string_view id,
                              int64_t version) {
  T message;
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return Unparsable(what, id, version);
  }
  return message;
}

// INVALID_ARGUMENT for an empty id or a negative version.
absl::Status CheckLookup(absl::string_view what, absl::string_view id, int64_t version);

// Shared wording of NOT_FOUND, so both backends say the same.
absl::Status NotFound(absl::string_view what, absl::string_view id, int64_t version);

}  // namespace jixiao::ingest
