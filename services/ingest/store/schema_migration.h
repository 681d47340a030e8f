#pragma once

// Versioned schema migrations, shared by both backends. Each backend keeps an
// ordered list of migrations in code (versions 1, 2, … with no gaps) and a
// schema_migrations(version, description, applied_at) table in the database.
// Opening a store applies, in one transaction, the migrations the table does not
// list yet. A database that lists a version this build does not know was
// migrated by a newer jixiao: it is refused rather than written with an old
// idea of the schema.

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::ingest {

struct Migration {
  int version;
  const char* description;
  // One or more SQL statements, run as a script inside the migration transaction.
  const char* sql;
};

// The migrations still to apply, in order, given the versions a database has
// applied. FAILED_PRECONDITION when the database is ahead of `known` or its
// applied versions are not 1..n; INTERNAL when `known` itself is misnumbered.
absl::StatusOr<std::vector<const Migration*>> PendingMigrations(const std::vector<Migration>& known,
                                                                const std::vector<int64_t>& applied,
                                                                absl::string_view backend);

}  // namespace jixiao::ingest
