#pragma once

// The PostgreSQL dialect of the store's schema (report_schema.h): its column
// types and how it records a migration.

#include <vector>

#include "services/ingest/store/schema_migration.h"

namespace jixiao::ingest {

const std::vector<Migration>& PostgresMigrations();

// The migrations and the schema_migrations table (applied_at set by the
// server). Replicas starting together migrate once: the migration transaction
// holds an advisory lock.
const SchemaDialect& PostgresSchemaDialect();

}  // namespace jixiao::ingest
