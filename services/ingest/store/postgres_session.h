#pragma once

// SqlSession on PostgreSQL: a pooled libpq connection, leased for one call.
// Writers of the same id are serialized by transaction-level advisory locks
// (postgres_advisory_locks.h), across threads and across replicas; readers
// never wait for writers.
//
// Durability: every new connection makes sure synchronous_commit is not off,
// so a commit has been flushed to the server's WAL when Commit returns.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/sql_session.h"

namespace jixiao::ingest {

// Connects (INVALID_ARGUMENT for a malformed URL, UNAVAILABLE when the server
// cannot be reached); `url` goes to libpq as is. A session waits up to the
// acquire timeout for a free connection (UNAVAILABLE after).
absl::StatusOr<std::unique_ptr<SqlSessions>> OpenPostgresSessions(
    const std::string& url, const ReportStoreOptions& options);

}  // namespace jixiao::ingest
