#pragma once

// ReportStore on PostgreSQL, for production and for several ingest replicas
// sharing one database.
//
// Concurrency: a pool of connections (ReportStoreOptions::postgres_pool_size);
// each call leases one, so up to that many calls run in parallel and the rest
// wait. Writers of the same id are serialized by transaction-level advisory
// locks (see postgres_advisory_locks.h), across threads and across replicas;
// readers never wait for writers.
//
// Durability: every new connection makes sure synchronous_commit is not off, so
// a commit has been flushed to the server's WAL when a put returns.

#include <memory>
#include <string>
#include <vector>

#include "services/ingest/store/postgres_connection_pool.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/stored_rows.h"

namespace jixiao::ingest {

class PostgresReportStore final : public ReportStore {
 public:
  // Connects (INVALID_ARGUMENT for a malformed URL, UNAVAILABLE when the
  // server cannot be reached) and applies missing schema migrations.
  static absl::StatusOr<std::unique_ptr<PostgresReportStore>> Open(
      const std::string& url, const ReportStoreOptions& options);

  absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> PutReports(
      const std::vector<ReportToStore>& reports) override;
  absl::StatusOr<StoredReport> GetReport(absl::string_view report_id, int64_t version) override;
  absl::StatusOr<ReportPage> ListReports(const ReportFilter& filter, int page_size,
                                         absl::string_view page_token) override;
  absl::StatusOr<std::vector<StoredReport>> ReportHistory(absl::string_view report_id) override;
  absl::StatusOr<TargetTablePutOutcome> PutTargetTable(const jixiao::v1::ProjectTargetTable& table,
                                                       absl::string_view content_hash) override;
  absl::StatusOr<StoredTargetTable> GetTargetTable(absl::string_view table_id,
                                                   int64_t version) override;

 private:
  explicit PostgresReportStore(std::unique_ptr<PostgresConnectionPool> pool)
      : pool_(std::move(pool)) {}

  // One attempt at the group commit; ABORTED when it lost a race worth retrying.
  absl::Status TryPutReports(PGconn* connection, const std::vector<absl::StatusOr<ReportRow>>& rows,
                             std::vector<absl::StatusOr<PutOutcome>>* outcomes);
  absl::StatusOr<TargetTablePutOutcome> TryPutTargetTable(PGconn* connection,
                                                          const TargetTableRow& row);

  std::unique_ptr<PostgresConnectionPool> pool_;
};

}  // namespace jixiao::ingest
