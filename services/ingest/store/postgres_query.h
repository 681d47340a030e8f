#pragma once

// Running SQL on a libpq connection: parameters and results in binary format
// (BYTEA travels as raw bytes, no escaping), results owned by RAII, and libpq
// errors turned into absl::Status.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/ingest/store/sql_session.h"

namespace jixiao::ingest {

struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

// The rows of a successful query, read from binary-format columns.
class PgRows final : public SqlRows {
 public:
  explicit PgRows(std::unique_ptr<PGresult, PgResultDeleter> result) : result_(std::move(result)) {}
  int size() const override { return PQntuples(result_.get()); }
  // An int2, int4 or int8 column.
  int64_t Int(int row, int column) const override;
  // A text or bytea column.
  absl::string_view Bytes(int row, int column) const override;
  // The command tag, e.g. "COMMIT" or "ROLLBACK".
  absl::string_view CommandStatus() const { return PQcmdStatus(result_.get()); }

 private:
  std::unique_ptr<PGresult, PgResultDeleter> result_;
};

// One statement with parameters, each sent in binary with its type (so the
// server never has to guess a type or parse a number from text); binary results.
absl::StatusOr<PgRows> PgExecute(PGconn* connection, const char* sql,
                                 const SqlParams& params = SqlParams());

// A script of one or more statements without parameters (DDL, BEGIN, SET…).
absl::Status PgExecuteScript(PGconn* connection, const char* sql);

// UNAVAILABLE when the connection is gone or the server cannot serve (SQLSTATE
// classes 08, 53, 57P), ABORTED when the transaction lost a race and may be
// retried (40001 serialization failure, 40P01 deadlock, 23505 unique
// violation), INTERNAL for other SQL errors; always with libpq's message.
absl::Status PgError(PGconn* connection, const PGresult* result, absl::string_view context);

}  // namespace jixiao::ingest
