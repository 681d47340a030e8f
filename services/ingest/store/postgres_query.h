#pragma once

// Running SQL on a libpq connection: parameters and results in binary format
// (BYTEA travels as raw bytes, no escaping), results owned by RAII, and libpq
// errors turned into absl::Status.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::ingest {

// Parameters for $1, $2, … in order, each sent in binary with its type, so the
// server never has to guess a type or parse a number from text.
class PgParams {
 public:
  PgParams& Text(absl::string_view value);
  PgParams& Bytes(absl::string_view value);
  PgParams& Int32(int32_t value);
  PgParams& Int64(int64_t value);

  int size() const { return static_cast<int>(values_.size()); }
  const std::vector<std::string>& values() const { return values_; }
  const std::vector<Oid>& types() const { return types_; }

 private:
  std::vector<std::string> values_;
  std::vector<Oid> types_;
};

struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

// The rows of a successful query, read from binary-format columns.
class PgRows {
 public:
  explicit PgRows(std::unique_ptr<PGresult, PgResultDeleter> result) : result_(std::move(result)) {}
  int size() const { return PQntuples(result_.get()); }
  // An int2, int4 or int8 column.
  int64_t Int(int row, int column) const;
  // A text or bytea column; valid as long as these rows.
  absl::string_view Bytes(int row, int column) const;
  // The command tag, e.g. "COMMIT" or "ROLLBACK".
  absl::string_view CommandStatus() const { return PQcmdStatus(result_.get()); }

 private:
  std::unique_ptr<PGresult, PgResultDeleter> result_;
};

// One statement with parameters; binary results.
absl::StatusOr<PgRows> PgExecute(PGconn* connection, const char* sql,
                                 const PgParams& params = PgParams());

// A script of one or more statements without parameters (DDL, BEGIN, SET…).
absl::Status PgExecuteScript(PGconn* connection, const char* sql);

// UNAVAILABLE when the connection is gone or the server cannot serve (SQLSTATE
// classes 08, 53, 57P), ABORTED when the transaction lost a race and may be
// retried (40001 serialization failure, 40P01 deadlock, 23505 unique
// violation), INTERNAL for other SQL errors; always with libpq's message.
absl::Status PgError(PGconn* connection, const PGresult* result, absl::string_view context);

// An open transaction that rolls back unless committed, so that an early
// return never hands a connection back to the pool mid-transaction.
class PgTransaction {
 public:
  static absl::StatusOr<PgTransaction> Begin(PGconn* connection);
  PgTransaction(PgTransaction&& other) noexcept
      : connection_(std::exchange(other.connection_, nullptr)) {}
  PgTransaction& operator=(PgTransaction&&) = delete;
  ~PgTransaction();
  // Returns once the server reports the commit (durable under the
  // synchronous_commit the pool sets). UNAVAILABLE if the connection broke
  // during COMMIT: the outcome is then unknown, and a retry of an idempotent
  // put is safe.
  absl::Status Commit();

 private:
  explicit PgTransaction(PGconn* connection) : connection_(connection) {}
  PGconn* connection_;
};

}  // namespace jixiao::ingest
