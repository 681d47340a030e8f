#pragma once

// A thin RAII layer over one sqlite3 connection and its prepared statements,
// turning SQLite result codes into absl::Status. Not thread-safe: the owner
// serializes all use (SqliteSessions holds a mutex).

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace jixiao::ingest {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  ~SqliteStatement() { sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are numbered from 1, as in "?1". Values are copied.
  absl::Status BindText(int index, absl::string_view value);
  absl::Status BindBlob(int index, absl::string_view value);
  absl::Status BindInt64(int index, int64_t value);

  // Advances; true when a row is available, false when done.
  absl::StatusOr<bool> Step();
  // Steps a statement that returns no rows.
  absl::Status Run();

  // Columns are numbered from 0. Views stay valid until the next Step or Reset.
  int ColumnCount() const { return sqlite3_column_count(statement_); }
  // SQLITE_INTEGER, SQLITE_TEXT, SQLITE_BLOB, …
  int ColumnType(int column) const { return sqlite3_column_type(statement_, column); }
  int64_t ColumnInt64(int column) const { return sqlite3_column_int64(statement_, column); }
  absl::string_view ColumnText(int column) const;
  absl::string_view ColumnBlob(int column) const;

  // Ready for another use, bindings cleared.
  void Reset();

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
};

// Resets a reused statement when one use of it ends, however it ends: a
// statement left in the middle of its rows keeps a read transaction open, which
// would pin the WAL and hold back checkpoints.
class StatementUse {
 public:
  explicit StatementUse(SqliteStatement& statement) : statement_(statement) {}
  ~StatementUse() { statement_.Reset(); }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  SqliteStatement* operator->() const { return &statement_; }
  SqliteStatement& operator*() const { return statement_; }

 private:
  SqliteStatement& statement_;
};

class SqliteConnection {
 public:
  // Opens or creates the file (or ":memory:") in WAL mode with
  // synchronous=FULL, so that a commit returns only once it is on disk, and
  // with foreign keys enforced.
  static absl::StatusOr<std::unique_ptr<SqliteConnection>> Open(const std::string& path,
                                                                absl::Duration busy_timeout);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements that return nothing of interest.
  absl::Status Exec(absl::string_view sql);
  absl::StatusOr<std::unique_ptr<SqliteStatement>> Prepare(absl::string_view sql);
  // True while a transaction is open.
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// The status for a failed SQLite call: UNAVAILABLE for busy, locked, I/O and
// full-disk conditions (retry may help), FAILED_PRECONDITION for a file that is
// not a database, DATA_LOSS for corruption, INTERNAL otherwise.
absl::Status SqliteError(sqlite3* db, int result_code, absl::string_view context);

}  // namespace jixiao::ingest
