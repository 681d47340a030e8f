#include "services/ingest/store/postgres_connection_pool.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/ingest/store/postgres_query.h"

namespace jixiao::ingest {
namespace {

struct ConninfoOptionsDeleter {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresConnectionPool>> PostgresConnectionPool::Create(
    std::string url, int size, absl::Duration acquire_timeout, std::string session_setup) {
  if (size < 1) return absl::InvalidArgumentError("postgresql pool size must be at least 1");
  // Parse first: a malformed URL is the caller's mistake, not an outage.
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, ConninfoOptionsDeleter> parsed(
      PQconninfoParse(url.c_str(), &error));
  if (parsed == nullptr) {
    const std::string reason =
        error != nullptr ? std::string(absl::StripAsciiWhitespace(error)) : "out of memory";
    PQfreemem(error);
    return absl::InvalidArgumentError(absl::StrCat("bad postgresql URL: ", reason));
  }
  std::unique_ptr<PostgresConnectionPool> pool(
      new PostgresConnectionPool(std::move(url), size, acquire_timeout, std::move(session_setup)));
  auto lease = pool->Acquire();
  if (!lease.ok()) return lease.status();
  return pool;
}

PostgresConnectionPool::~PostgresConnectionPool() {
  absl::MutexLock lock(&mutex_);
  for (PGconn* connection : idle_) PQfinish(connection);
}

absl::StatusOr<PGconn*> PostgresConnectionPool::Connect() const {
  // Entries before "dbname" may be overridden by the URL, entries after it
  // override the URL (libpq's rule for expand_dbname). The store needs UTF8.
  const char* const keywords[] = {"connect_timeout", "dbname", "fallback_application_name",
                                  "client_encoding", nullptr};
  const char* const values[] = {"10", url_.c_str(), "jixiao-ingest", "UTF8", nullptr};
  PGconn* connection = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (connection == nullptr) {
    return absl::UnavailableError("postgresql: cannot allocate a connection");
  }
  if (PQstatus(connection) != CONNECTION_OK) {
    auto status = absl::UnavailableError(absl::StrCat(
        "postgresql: cannot connect: ", absl::StripAsciiWhitespace(PQerrorMessage(connection))));
    PQfinish(connection);
    return status;
  }
  if (!session_setup_.empty()) {
    if (auto status = PgExecuteScript(connection, session_setup_.c_str()); !status.ok()) {
      PQfinish(connection);
      return status;
    }
  }
  return connection;
}

absl::StatusOr<PostgresConnectionPool::Lease> PostgresConnectionPool::Acquire() {
  {
    absl::MutexLock lock(&mutex_);
    if (!mutex_.AwaitWithTimeout(absl::Condition(this, &PostgresConnectionPool::CanLease),
                                 acquire_timeout_)) {
      return absl::UnavailableError(absl::StrCat("postgresql: all ", size_,
                                                 " pooled connections stayed busy for ",
                                                 absl::FormatDuration(acquire_timeout_)));
    }
    if (!idle_.empty()) {
      PGconn* connection = idle_.back();
      idle_.pop_back();
      return Lease(this, connection);
    }
    ++open_;  // reserve the slot, then connect without holding the lock
  }
  auto connection = Connect();
  if (!connection.ok()) {
    absl::MutexLock lock(&mutex_);
    --open_;
    return connection.status();
  }
  return Lease(this, *connection);
}

void PostgresConnectionPool::Release(PGconn* connection) {
  const bool reusable =
      PQstatus(connection) == CONNECTION_OK && PQtransactionStatus(connection) == PQTRANS_IDLE;
  if (!reusable) PQfinish(connection);
  absl::MutexLock lock(&mutex_);
  if (reusable) {
    idle_.push_back(connection);
  } else {
    --open_;
  }
}

}  // namespace jixiao::ingest
