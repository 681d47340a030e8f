#pragma once

// Parses the URL that names a report store into the backend and its location.
// Pure string handling: it checks the form, not whether the database exists.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::ingest {

struct StoreLocation {
  enum class Backend { kSqlite, kPostgres };
  Backend backend = Backend::kSqlite;
  // kSqlite: an absolute file path, or ":memory:".
  std::string sqlite_path;
  // kPostgres: the URL as given, for libpq.
  std::string postgres_url;
};

// Accepts "sqlite:///absolute/path", "sqlite::memory:", "postgresql://..." and
// "postgres://...". Anything else is INVALID_ARGUMENT with the reason; the
// message never repeats a PostgreSQL URL (it may hold a password).
absl::StatusOr<StoreLocation> ParseStoreUrl(absl::string_view url);

}  // namespace jixiao::ingest
