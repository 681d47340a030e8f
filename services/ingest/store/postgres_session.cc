#include "services/ingest/store/postgres_session.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/ingest/store/postgres_advisory_locks.h"
#include "services/ingest/store/postgres_connection_pool.h"
#include "services/ingest/store/postgres_query.h"

namespace jixiao::ingest {
namespace {

// Run on every new connection. Notices (such as "relation already exists,
// skipping") are not worth printing; synchronous_commit is raised only when
// off, so a stricter server setting such as remote_apply is kept.
constexpr char kSessionSetup[] =
    "SET client_min_messages = warning; "
    "SELECT set_config('synchronous_commit', 'on', false) "
    "WHERE current_setting('synchronous_commit') = 'off'";

AdvisoryLockClass LockClassOf(WriteKind kind) {
  switch (kind) {
    case WriteKind::kSchemaMigration:
      return AdvisoryLockClass::kSchemaMigration;
    case WriteKind::kReport:
      return AdvisoryLockClass::kReport;
    case WriteKind::kTargetTable:
      return AdvisoryLockClass::kTargetTable;
  }
  return AdvisoryLockClass::kSchemaMigration;
}

class PostgresSession final : public SqlSession {
 public:
  explicit PostgresSession(PostgresConnectionPool::Lease lease) : lease_(std::move(lease)) {}

  absl::StatusOr<std::unique_ptr<SqlRows>> Execute(const char* sql,
                                                   const SqlParams& params) override {
    auto rows = PgExecute(lease_.get(), sql, params);
    if (!rows.ok()) return rows.status();
    return std::make_unique<PgRows>(*std::move(rows));
  }

  absl::Status ExecuteScript(const char* sql) override {
    return PgExecuteScript(lease_.get(), sql);
  }

  absl::Status BeginWrite(WriteKind kind, const std::vector<absl::string_view>& ids) override {
    if (auto status = PgExecuteScript(lease_.get(), "BEGIN"); !status.ok()) return status;
    return LockAdvisoryAll(lease_.get(), LockClassOf(kind), ids);
  }

  // Returns once the server reports the commit. UNAVAILABLE if the connection
  // broke during COMMIT: the outcome is then unknown, and a retry of an
  // idempotent put is safe.
  absl::Status Commit() override {
    auto rows = PgExecute(lease_.get(), "COMMIT");
    if (!rows.ok()) {
      if (absl::IsUnavailable(rows.status())) {
        return absl::UnavailableError(
            absl::StrCat(rows.status().message(), " (the commit may or may not have happened)"));
      }
      return rows.status();
    }
    // COMMIT of a transaction that had failed answers ROLLBACK, not an error.
    if (rows->CommandStatus() != "COMMIT") {
      return absl::InternalError(absl::StrCat("postgresql: transaction ended with ",
                                              rows->CommandStatus(), " instead of COMMIT"));
    }
    return absl::OkStatus();
  }

  absl::Status Rollback() override { return PgExecuteScript(lease_.get(), "ROLLBACK"); }

  // Also true for a broken connection: the pool drops it when the lease ends.
  bool InTransaction() const override { return PQtransactionStatus(lease_.get()) != PQTRANS_IDLE; }

 private:
  PostgresConnectionPool::Lease lease_;
};

class PostgresSessions final : public SqlSessions {
 public:
  explicit PostgresSessions(std::unique_ptr<PostgresConnectionPool> pool)
      : pool_(std::move(pool)) {}

  absl::StatusOr<std::unique_ptr<SqlSession>> Acquire() override {
    auto lease = pool_->Acquire();
    if (!lease.ok()) return lease.status();
    return std::make_unique<PostgresSession>(*std::move(lease));
  }

 private:
  std::unique_ptr<PostgresConnectionPool> pool_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<SqlSessions>> OpenPostgresSessions(
    const std::string& url, const ReportStoreOptions& options) {
  auto pool = PostgresConnectionPool::Create(url, options.postgres_pool_size,
                                             options.postgres_acquire_timeout, kSessionSetup);
  if (!pool.ok()) return pool.status();
  return std::make_unique<PostgresSessions>(*std::move(pool));
}

}  // namespace jixiao::ingest
