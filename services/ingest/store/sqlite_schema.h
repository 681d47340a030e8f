#pragma once

// The SQLite dialect of the store's schema (report_schema.h): its column types
// and how it records a migration.

#include <vector>

#include "services/ingest/store/schema_migration.h"

namespace jixiao::ingest {

const std::vector<Migration>& SqliteMigrations();

// The migrations and the schema_migrations table (applied_at as ISO 8601 text).
// The migration transaction is IMMEDIATE, which also keeps two processes
// opening the same file from migrating it twice.
const SchemaDialect& SqliteSchemaDialect();

}  // namespace jixiao::ingest
