#include "services/ingest/store/postgres_query.h"

#include <string>
#include <utility>
#include <vector>

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

absl::StatusOr<PgRows> PgExecute(PGconn* connection, const char* sql, const SqlParams& params) {
  const int count = static_cast<int>(params.values().size());
  std::vector<std::string> integers;  // big-endian; reserved so that views stay put
  integers.reserve(count);
  std::vector<Oid> types;
  std::vector<const char*> values;
  std::vector<int> lengths;
  const std::vector<int> formats(count, 1);
  for (const auto& param : params.values()) {
    absl::string_view bytes = param.bytes;
    switch (param.type) {
      case SqlParams::Type::kText:
        types.push_back(kTextOid);
        break;
      case SqlParams::Type::kBytes:
        types.push_back(kByteaOid);
        break;
      case SqlParams::Type::kInt32:
        types.push_back(kInt4Oid);
        bytes = integers.emplace_back(BigEndian(static_cast<uint32_t>(param.integer), 4));
        break;
      case SqlParams::Type::kInt64:
        types.push_back(kInt8Oid);
        bytes = integers.emplace_back(BigEndian(static_cast<uint64_t>(param.integer), 8));
        break;
    }
    values.push_back(bytes.data());
    lengths.push_back(static_cast<int>(bytes.size()));
  }
  std::unique_ptr<PGresult, PgResultDeleter> result(
      PQexecParams(connection, sql, count, types.data(), values.data(), lengths.data(),
                   formats.data(), /*resultFormat=*/1));
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

}  // namespace jixiao::ingest
