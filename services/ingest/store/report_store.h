#pragma once

// The durable store of the ingest service: every version of every report and
// project target table, kept forever and addressed by (id, version).
//
// The store is append-only: a version, once committed, is never updated or
// deleted, and neither is the record of who submitted it (the database refuses
// both, by trigger). Only the pointer to each id's latest version moves.
//
// Versioning: a put carries the caller's content hash (SHA-256 of the normalized
// report, computed by ingest). When the latest stored version of the id has the
// same hash, that version is returned (created = false); otherwise the item is
// appended as latest + 1. Old versions are never updated or deleted.
//
// One implementation sits behind this interface, over two databases chosen by
// URL (see OpenReportStore): SQLite for a single embedded node, PostgreSQL for
// production.
// Every method is safe to call from many threads at once. Errors are
// absl::Status: NOT_FOUND for an unknown id or version, INVALID_ARGUMENT for bad
// input, UNAVAILABLE when the database cannot be reached or is busy (worth a
// retry), FAILED_PRECONDITION for a schema newer than this build, INTERNAL for
// anything else the database reports.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::ingest {

// Who submitted a version and from where: its audit, stored with the version
// it created and never changed. Empty for versions stored before it was kept.
struct Submitter {
  // The authenticated identity: the access policy's principal name.
  std::string identity;
  // Where the call came from, as gRPC saw it ("ipv4:10.0.3.7:51234").
  std::string address;
};

// A normalized report and the hash of its content, as ingest computed it.
struct ReportToStore {
  jixiao::v1::EvaluationReport report;
  std::string content_hash;
  // Recorded when the put creates a version; a put of unchanged content
  // returns the version as its first submitter stored it.
  Submitter submitter;
};

// What the store recorded about one version of a report, without its body.
struct StoredVersion {
  jixiao::v1::ReportRef ref;
  int64_t stored_at_unix_ms = 0;
  Submitter submitter;
};

// One stored version of a report.
struct StoredReport {
  jixiao::v1::ReportRef ref;
  jixiao::v1::EvaluationReport report;
  int64_t stored_at_unix_ms = 0;
  Submitter submitter;
};

// What a put did: the version that now holds the content, whether this put
// created it, and when that version was committed.
struct PutOutcome {
  jixiao::v1::ReportRef ref;
  bool created = false;
  int64_t stored_at_unix_ms = 0;
};

// ListReports filters; a zero or empty field matches everything.
struct ReportFilter {
  int fiscal_year = 0;
  std::string district_code;
  jixiao::v1::AdministrativeLevel level = jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED;
  // Matches a report whose department carries exactly this tag.
  std::string sector_tag;
};

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

struct ReportPage {
  // Latest versions, ordered by report_id (byte order).
  std::vector<jixiao::v1::ReportSummary> reports;
  // Empty on the last page.
  std::string next_page_token;
};

// The target-table counterparts of ReportRef, PutOutcome and StoredReport.
struct TargetTableRef {
  std::string table_id;
  int64_t version = 0;
  std::string content_hash;
};

struct TargetTablePutOutcome {
  TargetTableRef ref;
  bool created = false;
  int64_t stored_at_unix_ms = 0;
};

struct StoredTargetTable {
  TargetTableRef ref;
  jixiao::v1::ProjectTargetTable table;
  int64_t stored_at_unix_ms = 0;
  Submitter submitter;
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // Stores the reports in one transaction (a group commit) and returns only
  // after that transaction is durably committed. Results are per item and in
  // input order: an item that is itself invalid (no report_id, no content hash)
  // gets its own error and the others are still stored. When the transaction as
  // a whole fails, the call returns that error and nothing is stored. The same
  // report_id may appear more than once; items apply in order.
  virtual absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> PutReports(
      const std::vector<ReportToStore>& reports) = 0;

  // A version of a report; version 0 means the latest.
  virtual absl::StatusOr<StoredReport> GetReport(absl::string_view report_id, int64_t version) = 0;

  // The latest version of every report that matches the filter, ordered by
  // report_id. page_size 0 means kDefaultPageSize; larger than kMaxPageSize is
  // capped. page_token is empty for the first page, else the next_page_token of
  // the previous page, which is only valid with the same filter.
  virtual absl::StatusOr<ReportPage> ListReports(const ReportFilter& filter, int page_size,
                                                 absl::string_view page_token) = 0;

  // Every version of a report, oldest first; NOT_FOUND when there is none.
  virtual absl::StatusOr<std::vector<StoredReport>> ReportHistory(absl::string_view report_id) = 0;

  // The same versions without their bodies: the audit of a report.
  virtual absl::StatusOr<std::vector<StoredVersion>> ReportVersions(
      absl::string_view report_id) = 0;

  // Stores a normalized target table with the same versioning as reports,
  // keyed by table_id; durable when it returns.
  virtual absl::StatusOr<TargetTablePutOutcome> PutTargetTable(
      const jixiao::v1::ProjectTargetTable& table, absl::string_view content_hash,
      const Submitter& submitter) = 0;

  // A version of a target table; version 0 means the latest.
  virtual absl::StatusOr<StoredTargetTable> GetTargetTable(absl::string_view table_id,
                                                           int64_t version) = 0;
};

struct ReportStoreOptions {
  // SQLite: how long a statement waits for another process's lock on the file.
  absl::Duration sqlite_busy_timeout = absl::Seconds(5);
  // PostgreSQL: connections kept open; each serves one call at a time.
  int postgres_pool_size = 4;
  // PostgreSQL: how long a call waits for a free connection before UNAVAILABLE.
  absl::Duration postgres_acquire_timeout = absl::Seconds(10);
};

// Opens (creating or migrating as needed) the store a URL names:
//   sqlite:///absolute/path/to/file.db   a SQLite file (created if missing;
//                                         %XX escapes allowed in the path)
//   sqlite::memory:                       a private in-memory SQLite database,
//                                         gone when the store is destroyed
//   postgresql://user@host:port/db?...   a PostgreSQL database; the URL goes to
//   postgres://...                        libpq unchanged (any libpq URI parameter)
// Relative SQLite paths are refused: a service's working directory is not a
// place to keep data by accident. Errors never echo a PostgreSQL URL, which may
// carry a password.
absl::StatusOr<std::unique_ptr<ReportStore>> OpenReportStore(
    absl::string_view url, const ReportStoreOptions& options = {});

}  // namespace jixiao::ingest
