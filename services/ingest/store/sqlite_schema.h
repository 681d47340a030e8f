#pragma once

// The SQLite schema, as an ordered list of migrations, and the code that brings
// a database up to date.

#include <vector>

#include "absl/status/status.h"
#include "services/ingest/store/schema_migration.h"
#include "services/ingest/store/sqlite_connection.h"

namespace jixiao::ingest {

const std::vector<Migration>& SqliteMigrations();

// Applies the missing migrations in one IMMEDIATE transaction, which also keeps
// two processes opening the same file from migrating it twice.
absl::Status MigrateSqlite(SqliteConnection* connection);

}  // namespace jixiao::ingest
