#include "services/ingest/store/sqlite_session.h"

#include <map>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/ascii.h"
#include "absl/synchronization/mutex.h"
#include "services/ingest/store/sqlite_connection.h"
#include "services/ingest/store/status_macros.h"

namespace jixiao::ingest {
namespace {

// SQLite numbers parameters ?N; the store writes PostgreSQL's $N, which SQLite
// would read as a parameter named "$N" and number by first appearance.
std::string ToSqliteParameters(absl::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool in_literal = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '\'') in_literal = !in_literal;  // '' inside a literal toggles twice
    const bool parameter = !in_literal && sql[i] == '$' && i + 1 < sql.size() &&
                           absl::ascii_isdigit(static_cast<unsigned char>(sql[i + 1]));
    out.push_back(parameter ? '?' : sql[i]);
  }
  return out;
}

// The rows of a statement, copied out so that the statement can be reset at
// once: one left in the middle of its rows keeps a read transaction open,
// which would pin the WAL and hold back checkpoints.
class SqliteRows final : public SqlRows {
 public:
  int size() const override { return static_cast<int>(rows_.size()); }
  int64_t Int(int row, int column) const override { return rows_[row][column].integer; }
  absl::string_view Bytes(int row, int column) const override { return rows_[row][column].bytes; }

  void AddRow(const SqliteStatement& statement) {
    auto& values = rows_.emplace_back(statement.ColumnCount());
    for (int i = 0; i < statement.ColumnCount(); ++i) {
      values[i].integer = statement.ColumnInt64(i);
      // Reading an integer column as bytes would convert it to text.
      if (statement.ColumnType(i) != SQLITE_INTEGER) {
        values[i].bytes = std::string(statement.ColumnBlob(i));
      }
    }
  }

 private:
  struct Value {
    int64_t integer = 0;
    std::string bytes;
  };
  std::vector<std::vector<Value>> rows_;
};

absl::Status Bind(SqliteStatement& statement, const SqlParams& params) {
  int index = 0;
  for (const auto& param : params.values()) {
    ++index;
    switch (param.type) {
      case SqlParams::Type::kText:
        STORE_RETURN_IF_ERROR(statement.BindText(index, param.bytes));
        break;
      case SqlParams::Type::kBytes:
        STORE_RETURN_IF_ERROR(statement.BindBlob(index, param.bytes));
        break;
      case SqlParams::Type::kInt32:
      case SqlParams::Type::kInt64:
        STORE_RETURN_IF_ERROR(statement.BindInt64(index, param.integer));
        break;
    }
  }
  return absl::OkStatus();
}

// The one connection and its statements.
struct SqliteDatabase {
  explicit SqliteDatabase(std::unique_ptr<SqliteConnection> opened)
      : connection(std::move(opened)) {}

  absl::Mutex mutex;
  // Declared before the statements so that it is destroyed after them.
  std::unique_ptr<SqliteConnection> connection ABSL_GUARDED_BY(mutex);
  // By the statement's text as the store writes it ($1, $2, …).
  std::map<std::string, std::unique_ptr<SqliteStatement>, std::less<>> statements
      ABSL_GUARDED_BY(mutex);
};

// Holds the one connection for the life of the session.
class SqliteSession final : public SqlSession {
 public:
  explicit SqliteSession(SqliteDatabase* database) : lock_(&database->mutex), database_(database) {}

  absl::StatusOr<std::unique_ptr<SqlRows>> Execute(const char* sql,
                                                   const SqlParams& params) override {
    STORE_ASSIGN_OR_RETURN(SqliteStatement * statement, Prepared(sql));
    StatementUse use(*statement);
    STORE_RETURN_IF_ERROR(Bind(*statement, params));
    auto rows = std::make_unique<SqliteRows>();
    while (true) {
      STORE_ASSIGN_OR_RETURN(const bool has_row, statement->Step());
      if (!has_row) break;
      rows->AddRow(*statement);
    }
    return rows;
  }

  absl::Status ExecuteScript(const char* sql) override { return connection().Exec(sql); }

  // BEGIN IMMEDIATE takes the file's write lock up front, so a writer never
  // fails half way through on a lock upgrade that busy_timeout cannot resolve;
  // that lock covers every id.
  absl::Status BeginWrite(WriteKind, const std::vector<absl::string_view>&) override {
    return connection().Exec("BEGIN IMMEDIATE");
  }
  absl::Status Commit() override { return connection().Exec("COMMIT"); }
  absl::Status Rollback() override { return connection().Exec("ROLLBACK"); }
  bool InTransaction() const override { return database_->connection->InTransaction(); }

 private:
  SqliteConnection& connection() { return *database_->connection; }

  absl::StatusOr<SqliteStatement*> Prepared(absl::string_view sql) {
    auto& statements = database_->statements;
    if (const auto found = statements.find(sql); found != statements.end()) {
      return found->second.get();
    }
    STORE_ASSIGN_OR_RETURN(auto statement, connection().Prepare(ToSqliteParameters(sql)));
    return statements.emplace(std::string(sql), std::move(statement)).first->second.get();
  }

  absl::MutexLock lock_;
  SqliteDatabase* database_;
};

class SqliteSessions final : public SqlSessions {
 public:
  explicit SqliteSessions(std::unique_ptr<SqliteConnection> connection)
      : database_(std::move(connection)) {}

  // Waits for the call before to end.
  absl::StatusOr<std::unique_ptr<SqlSession>> Acquire() override {
    return std::make_unique<SqliteSession>(&database_);
  }

 private:
  SqliteDatabase database_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<SqlSessions>> OpenSqliteSessions(const std::string& path,
                                                                const ReportStoreOptions& options) {
  STORE_ASSIGN_OR_RETURN(auto connection,
                         SqliteConnection::Open(path, options.sqlite_busy_timeout));
  return std::make_unique<SqliteSessions>(std::move(connection));
}

}  // namespace jixiao::ingest
