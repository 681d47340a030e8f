#pragma once

// The two ReportStore backends as the store tests see them: each makes fresh,
// empty databases and offers raw SQL on them, for the checks that must look
// behind the ReportStore interface (schema_migrations, a failing trigger).
//
// SQLite databases are files in a temporary directory owned by the backend
// object. PostgreSQL "databases" are schemas (selected by the URL's
// search_path) in one database of one server per test binary, started on
// first use and stopped by a gtest Environment after the last test.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::ingest::testing {

using Rows = std::vector<std::vector<std::string>>;

class StoreBackend {
 public:
  virtual ~StoreBackend() = default;
  // The URL of a new, empty database.
  virtual absl::StatusOr<std::string> NewDatabase() = 0;
  // Raw SQL on the database behind a URL from NewDatabase.
  virtual absl::Status Execute(absl::string_view url, absl::string_view sql) = 0;
  // Values as text.
  virtual absl::StatusOr<Rows> Query(absl::string_view url, absl::string_view sql) = 0;
  // SQL that makes every insert of `report_id` into reports fail.
  virtual std::string FailingInsertTriggerSql(absl::string_view report_id) const = 0;
  // The schema version this build migrates to.
  virtual int KnownSchemaVersion() const = 0;
};

struct BackendKind {
  const char* name;
  std::unique_ptr<StoreBackend> (*make)();
};

// Names the backend in gtest's messages.
inline void PrintTo(const BackendKind& kind, std::ostream* out) { *out << kind.name; }

std::unique_ptr<StoreBackend> MakeSqliteBackend();
std::unique_ptr<StoreBackend> MakePostgresBackend();

}  // namespace jixiao::ingest::testing
