#pragma once

// SqlSession on an embedded SQLite file, for a single ingest node.
//
// Concurrency: one connection, guarded by one mutex; a session holds it for a
// whole call, so calls from many threads run one after another. That is the
// honest model for SQLite, which admits one writer per file anyway; throughput
// comes from group commit (PutReports stores a whole batch in one transaction
// and one fsync), not from parallel transactions. Other processes may open the
// same file: a write transaction takes the write lock up front (BEGIN
// IMMEDIATE) and waits up to the busy timeout for it.
//
// Durability: WAL journal with synchronous=FULL (sqlite_connection.h), so a
// commit has reached the disk when Commit returns. Statements are prepared on
// first use and kept for the life of the store.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/sql_session.h"

namespace jixiao::ingest {

// `path` is an absolute file path or ":memory:"; the file is created if needed.
absl::StatusOr<std::unique_ptr<SqlSessions>> OpenSqliteSessions(const std::string& path,
                                                                const ReportStoreOptions& options);

}  // namespace jixiao::ingest
