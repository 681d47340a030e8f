#pragma once

// The little of SQL the versioned report store needs, as one interface that
// each database implements once: run a statement with bound parameters, read
// its rows, and group statements in a transaction. Statements are written once,
// in PostgreSQL's form ($1, $2, … for parameters); a dialect that spells
// parameters otherwise rewrites them. What only one database has (PostgreSQL's
// advisory locks and connection pool, SQLite's connection setup) stays behind
// the interface.

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::ingest {

// Parameters for $1, $2, … in order, each with its SQL type. Text and bytes are
// views: the values must outlive the Execute call they are passed to.
class SqlParams {
 public:
  enum class Type { kText, kBytes, kInt32, kInt64 };
  struct Value {
    Type type;
    absl::string_view bytes;  // kText, kBytes
    int64_t integer = 0;      // kInt32, kInt64
  };

  SqlParams& Text(absl::string_view value) { return Add({Type::kText, value, 0}); }
  SqlParams& Bytes(absl::string_view value) { return Add({Type::kBytes, value, 0}); }
  SqlParams& Int32(int32_t value) { return Add({Type::kInt32, {}, value}); }
  SqlParams& Int64(int64_t value) { return Add({Type::kInt64, {}, value}); }

  const std::vector<Value>& values() const { return values_; }

 private:
  SqlParams& Add(Value value) {
    values_.push_back(value);
    return *this;
  }

  std::vector<Value> values_;
};

// The rows a statement returned, read by row and column (both from 0).
class SqlRows {
 public:
  virtual ~SqlRows() = default;
  virtual int size() const = 0;
  // An integer column.
  virtual int64_t Int(int row, int column) const = 0;
  // A text or binary column; the view lives as long as these rows.
  virtual absl::string_view Bytes(int row, int column) const = 0;
};

// What a write transaction is about to change. A database that can lock finer
// than the whole database locks each (kind, id) for the transaction, so that
// concurrent writers of one id wait for each other and writers of different
// ids do not.
enum class WriteKind { kSchemaMigration, kReport, kTargetTable };

// One connection's worth of SQL, used by one call at a time.
class SqlSession {
 public:
  virtual ~SqlSession() = default;

  // One statement with parameters.
  virtual absl::StatusOr<std::unique_ptr<SqlRows>> Execute(const char* sql,
                                                           const SqlParams& params) = 0;
  // A script of statements without parameters (DDL).
  virtual absl::Status ExecuteScript(const char* sql) = 0;

  // Opens a transaction that will write the `ids` of `kind`, and returns once
  // no other writer of them can interfere. Prefer SqlTransaction, which never
  // leaves one open.
  virtual absl::Status BeginWrite(WriteKind kind, const std::vector<absl::string_view>& ids) = 0;
  // Durable when it returns OK.
  virtual absl::Status Commit() = 0;
  virtual absl::Status Rollback() = 0;
  virtual bool InTransaction() const = 0;
};

// Where a store gets its sessions: a connection pool, or one connection
// behind a mutex. A session goes back when the pointer is destroyed.
class SqlSessions {
 public:
  virtual ~SqlSessions() = default;
  // UNAVAILABLE when none can be had in time.
  virtual absl::StatusOr<std::unique_ptr<SqlSession>> Acquire() = 0;
};

// A write transaction that rolls back unless committed, so that an early
// return never leaves a session inside a transaction.
class SqlTransaction {
 public:
  static absl::StatusOr<SqlTransaction> BeginWrite(SqlSession* session, WriteKind kind,
                                                   const std::vector<absl::string_view>& ids);
  SqlTransaction(SqlTransaction&& other) noexcept
      : session_(std::exchange(other.session_, nullptr)) {}
  SqlTransaction& operator=(SqlTransaction&&) = delete;
  ~SqlTransaction();
  absl::Status Commit();

 private:
  explicit SqlTransaction(SqlSession* session) : session_(session) {}
  SqlSession* session_;
};

}  // namespace jixiao::ingest
