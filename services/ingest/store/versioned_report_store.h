#pragma once

// ReportStore written once over SqlSession: the statements, the head check of
// a put, the append of version latest + 1 and the move of the head pointer,
// listings and lookups. The database behind it is one of the dialects
// (sqlite_session.h, postgres_session.h), chosen by OpenReportStore.
//
// Concurrency is the sessions' to give: each call acquires one session for its
// whole duration. A write transaction names the ids it writes (WriteKind), so
// a database that locks per id serializes only writers of the same id; a
// transaction that still loses a race (ABORTED) is retried a few times.

#include <memory>
#include <vector>

#include "services/ingest/store/report_store.h"
#include "services/ingest/store/schema_migration.h"
#include "services/ingest/store/sql_session.h"
#include "services/ingest/store/stored_rows.h"

namespace jixiao::ingest {

class VersionedReportStore final : public ReportStore {
 public:
  // Applies the dialect's missing schema migrations, then serves.
  static absl::StatusOr<std::unique_ptr<VersionedReportStore>> Open(
      std::unique_ptr<SqlSessions> sessions, const SchemaDialect& dialect);

  absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> PutReports(
      const std::vector<ReportToStore>& reports) override;
  absl::StatusOr<StoredReport> GetReport(absl::string_view report_id, int64_t version) override;
  absl::StatusOr<ReportPage> ListReports(const ReportFilter& filter, int page_size,
                                         absl::string_view page_token) override;
  absl::StatusOr<std::vector<StoredReport>> ReportHistory(absl::string_view report_id) override;
  absl::StatusOr<std::vector<StoredVersion>> ReportVersions(absl::string_view report_id) override;
  absl::StatusOr<TargetTablePutOutcome> PutTargetTable(const jixiao::v1::ProjectTargetTable& table,
                                                       absl::string_view content_hash,
                                                       const Submitter& submitter) override;
  absl::StatusOr<StoredTargetTable> GetTargetTable(absl::string_view table_id,
                                                   int64_t version) override;

 private:
  explicit VersionedReportStore(std::unique_ptr<SqlSessions> sessions)
      : sessions_(std::move(sessions)) {}

  std::unique_ptr<SqlSessions> sessions_;
};

}  // namespace jixiao::ingest
