#include "services/ingest/store/sqlite_connection.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jixiao::ingest {

absl::Status SqliteError(sqlite3* db, int result_code, absl::string_view context) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result_code);
  const std::string text =
      absl::StrCat("sqlite: ", context, ": ", message, " (code ", result_code, ")");
  switch (result_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
      return absl::UnavailableError(text);
    case SQLITE_NOTADB:
      return absl::FailedPreconditionError(text);
    case SQLITE_CORRUPT:
      return absl::DataLossError(text);
    default:
      return absl::InternalError(text);
  }
}

absl::Status SqliteStatement::BindText(int index, absl::string_view value) {
  const int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
  return absl::OkStatus();
}

absl::Status SqliteStatement::BindBlob(int index, absl::string_view value) {
  // A NULL pointer would bind SQL NULL, and an empty view's data() may be NULL.
  const int rc = value.empty() ? sqlite3_bind_zeroblob(statement_, index, 0)
                               : sqlite3_bind_blob64(statement_, index, value.data(), value.size(),
                                                     SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
  return absl::OkStatus();
}

absl::Status SqliteStatement::BindInt64(int index, int64_t value) {
  const int rc = sqlite3_bind_int64(statement_, index, value);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
  return absl::OkStatus();
}

absl::StatusOr<bool> SqliteStatement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, sqlite3_sql(statement_));
}

absl::Status SqliteStatement::Run() {
  auto row = Step();
  if (!row.ok()) return row.status();
  return absl::OkStatus();
}

absl::string_view SqliteStatement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  return absl::string_view(reinterpret_cast<const char*>(text),
                           sqlite3_column_bytes(statement_, column));
}

absl::string_view SqliteStatement::ColumnBlob(int column) const {
  const void* blob = sqlite3_column_blob(statement_, column);
  if (blob == nullptr) return {};  // a zero-length blob
  return absl::string_view(static_cast<const char*>(blob),
                           sqlite3_column_bytes(statement_, column));
}

void SqliteStatement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

absl::StatusOr<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(
    const std::string& path, absl::Duration busy_timeout) {
  sqlite3* db = nullptr;
  // NOMUTEX: the store serializes access itself, SQLite need not lock again.
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    // sqlite3_open_v2 may allocate a handle even when it fails.
    auto status = SqliteError(db, rc, absl::StrCat("open ", path));
    sqlite3_close(db);
    return status;
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(absl::ToInt64Milliseconds(busy_timeout)));

  auto journal = connection->Prepare("PRAGMA journal_mode=WAL");
  if (!journal.ok()) return journal.status();
  auto has_row = (*journal)->Step();
  if (!has_row.ok()) return has_row.status();
  const std::string mode = *has_row ? std::string((*journal)->ColumnText(0)) : "";
  // An in-memory database reports "memory"; a file must really be in WAL mode,
  // or the durability and reader concurrency described here would not hold.
  if (path != ":memory:" && mode != "wal") {
    return absl::FailedPreconditionError(
        absl::StrCat("sqlite: ", path, " cannot use WAL journaling (got \"", mode, "\")"));
  }
  journal->reset();
  if (auto status = connection->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      !status.ok()) {
    return status;
  }
  return connection;
}

SqliteConnection::~SqliteConnection() { sqlite3_close(db_); }

absl::Status SqliteConnection::Exec(absl::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // sqlite3_errmsg still has it
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql.substr(0, 80));
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<SqliteStatement>> SqliteConnection::Prepare(absl::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  // PERSISTENT: these statements live as long as the store and are reused.
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, absl::StrCat("prepare ", sql));
  return std::make_unique<SqliteStatement>(db_, statement);
}

}  // namespace jixiao::ingest
