#pragma once

// Versioned schema migrations, applied the same way on every database. Each
// dialect keeps an ordered list of migrations in code (versions 1, 2, … with no gaps) and a
// schema_migrations(version, description, applied_at) table in the database.
// Opening a store applies, in one transaction, the migrations the table does not
// list yet. A database that lists a version this build does not know was
// migrated by a newer jixiao: it is refused rather than written with an old
// idea of the schema.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/ingest/store/sql_session.h"

namespace jixiao::ingest {

struct Migration {
  int version;
  const char* description;
  // One or more SQL statements, run as a script inside the migration transaction.
  std::string sql;
};

// The migrations still to apply, in order, given the versions a database has
// applied. FAILED_PRECONDITION when the database is ahead of `known` or its
// applied versions are not 1..n; INTERNAL when `known` itself is misnumbered.
absl::StatusOr<std::vector<const Migration*>> PendingMigrations(const std::vector<Migration>& known,
                                                                const std::vector<int64_t>& applied,
                                                                absl::string_view backend);

// What a dialect brings to migration: its DDL, as text in its own SQL.
struct SchemaDialect {
  // "sqlite", "postgresql": names the database in messages.
  absl::string_view name;
  std::vector<Migration> migrations;
  // CREATE TABLE IF NOT EXISTS schema_migrations (…).
  std::string create_migrations_table;
  // Records a migration: $1 its version (int4), $2 its description.
  const char* record_migration;
};

// Applies the missing migrations in one write transaction (WriteKind
// kSchemaMigration), so that two processes opening one database together
// migrate it once: the second waits, then finds nothing left to do.
absl::Status MigrateSchema(SqlSession* session, const SchemaDialect& dialect);

}  // namespace jixiao::ingest
