#include "services/ingest/store/postgres_query.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::ingest {
namespace {

// Built-in type OIDs (pg_type.dat); stable across PostgreSQL versions.
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;

std::string BigEndian(uint64_t value, int bytes) {
  std::string out(bytes, '\0');
  for (int i = bytes - 1; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  return out;
}

std::string Trimmed(const char* message) {
  return std::string(absl::StripAsciiWhitespace(message != nullptr ? message : ""));
}

}  // namespace

PgParams& PgParams::Text(absl::string_view value) {
  values_.emplace_back(value);
  types_.push_back(kTextOid);
  return *this;
}

PgParams& PgParams::Bytes(absl::string_view value) {
  values_.emplace_back(value);
  types_.push_back(kByteaOid);
  return *this;
}

PgParams& PgParams::Int32(int32_t value) {
  values_.push_back(BigEndian(static_cast<uint32_t>(value), 4));
  types_.push_back(kInt4Oid);
  return *this;
}

PgParams& PgParams::Int64(int64_t value) {
  values_.push_back(BigEndian(static_cast<uint64_t>(value), 8));
  types_.push_back(kInt8Oid);
  return *this;
}

int64_t PgRows::Int(int row, int column) const {
  const auto* bytes =
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column));
  const int length = PQgetlength(result_.get(), row, column);
  uint64_t value = 0;
  for (int i = 0; i < length; ++i) value = (value << 8) | bytes[i];
  // Sign-extend the big-endian int2/int4 to 64 bits.
  switch (PQftype(result_.get(), column)) {
    case kInt2Oid:
      return static_cast<int16_t>(value);
    case kInt4Oid:
      return static_cast<int32_t>(value);
    default:
      return static_cast<int64_t>(value);
  }
}

absl::string_view PgRows::Bytes(int row, int column) const {
  return absl::string_view(PQgetvalue(result_.get(), row, column),
                           PQgetlength(result_.get(), row, column));
}

absl::Status PgError(PGconn* connection, const PGresult* result, absl::string_view context) {
  if (result == nullptr || PQstatus(connection) == CONNECTION_BAD) {
    return absl::UnavailableError(
        absl::StrCat("postgresql: ", context, ": ", Trimmed(PQerrorMessage(connection))));
  }
  const char* sqlstate_field = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const std::string sqlstate = sqlstate_field != nullptr ? sqlstate_field : "";
  const std::string text =
      absl::StrCat("postgresql: ", context, ": ", Trimmed(PQresultErrorMessage(result)),
                   sqlstate.empty() ? "" : absl::StrCat(" (SQLSTATE ", sqlstate, ")"));
  if (absl::StartsWith(sqlstate, "08") || absl::StartsWith(sqlstate, "53") ||
      absl::StartsWith(sqlstate, "57P")) {
    return absl::UnavailableError(text);
  }
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "23505") {
    return absl::AbortedError(text);
  }
  return absl::InternalError(text);
}

absl::StatusOr<PgRows> PgExecute(PGconn* connection, const char* sql, const PgParams& params) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  const std::vector<int> formats(params.size(), 1);
  for (const auto& value : params.values()) {
    values.push_back(value.data());
    lengths.push_back(static_cast<int>(value.size()));
  }
  std::unique_ptr<PGresult, PgResultDeleter> result(
      PQexecParams(connection, sql, params.size(), params.types().data(), values.data(),
                   lengths.data(), formats.data(), /*resultFormat=*/1));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    // The statement's first line names it well enough for a log.
    const absl::string_view statement = absl::StripLeadingAsciiWhitespace(sql);
    return PgError(connection, result.get(), statement.substr(0, statement.find('\n')));
  }
  return PgRows(std::move(result));
}

absl::Status PgExecuteScript(PGconn* connection, const char* sql) {
  std::unique_ptr<PGresult, PgResultDeleter> result(PQexec(connection, sql));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const absl::string_view statement = absl::StripLeadingAsciiWhitespace(sql);
    return PgError(connection, result.get(), statement.substr(0, statement.find('\n')));
  }
  return absl::OkStatus();
}

absl::StatusOr<PgTransaction> PgTransaction::Begin(PGconn* connection) {
  if (auto status = PgExecuteScript(connection, "BEGIN"); !status.ok()) return status;
  return PgTransaction(connection);
}

PgTransaction::~PgTransaction() {
  if (connection_ != nullptr && PQtransactionStatus(connection_) != PQTRANS_IDLE) {
    // If even ROLLBACK fails, the connection is not idle and the pool drops it.
    PgExecuteScript(connection_, "ROLLBACK").IgnoreError();
  }
}

absl::Status PgTransaction::Commit() {
  auto rows = PgExecute(connection_, "COMMIT");
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
  connection_ = nullptr;
  return absl::OkStatus();
}

}  // namespace jixiao::ingest
