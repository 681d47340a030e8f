#pragma once

// ReportStore on an embedded SQLite file, for a single ingest node.
//
// Concurrency: one connection, guarded by one mutex; every call holds it for
// its whole duration, so calls from many threads run one after another. That
// is the honest model for SQLite, which admits one writer per file anyway;
// throughput comes from group commit (PutReports stores a whole batch in one
// transaction and one fsync), not from parallel transactions. Other processes
// may open the same file: writes take the write lock up front (BEGIN
// IMMEDIATE) and wait up to the busy timeout for it.
//
// Durability: WAL journal with synchronous=FULL, so a commit has reached the
// disk when PutReports or PutTargetTable returns.

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/sqlite_connection.h"
#include "services/ingest/store/stored_rows.h"

namespace jixiao::ingest {

class SqliteReportStore final : public ReportStore {
 public:
  // `path` is an absolute file path or ":memory:". Creates the file if needed
  // and applies missing schema migrations.
  static absl::StatusOr<std::unique_ptr<SqliteReportStore>> Open(const std::string& path,
                                                                 const ReportStoreOptions& options);

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
  // Prepared once at open and reused for the life of the store.
  struct Statements {
    std::unique_ptr<SqliteStatement> report_head;
    std::unique_ptr<SqliteStatement> insert_report;
    std::unique_ptr<SqliteStatement> insert_sector_tag;
    std::unique_ptr<SqliteStatement> set_report_head;
    std::unique_ptr<SqliteStatement> latest_report;
    std::unique_ptr<SqliteStatement> report_at_version;
    std::unique_ptr<SqliteStatement> report_history;
    std::unique_ptr<SqliteStatement> list_reports;
    std::unique_ptr<SqliteStatement> target_table_head;
    std::unique_ptr<SqliteStatement> insert_target_table;
    std::unique_ptr<SqliteStatement> set_target_table_head;
    std::unique_ptr<SqliteStatement> latest_target_table;
    std::unique_ptr<SqliteStatement> target_table_at_version;
  };

  SqliteReportStore(std::unique_ptr<SqliteConnection> connection, Statements statements)
      : connection_(std::move(connection)), statements_(std::move(statements)) {}

  absl::StatusOr<PutOutcome> PutReportRow(const ReportRow& row, int64_t stored_at_unix_ms)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  absl::Mutex mutex_;
  // Declared before the statements so that it is destroyed after them.
  std::unique_ptr<SqliteConnection> connection_ ABSL_GUARDED_BY(mutex_);
  Statements statements_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace jixiao::ingest
