#pragma once

// The store's tables, written once: reports with their sector tags and
// latest-version pointers (migration 1), target tables likewise (migration 2),
// who submitted each version, with the version tables made append-only (migration 3).
// What differs between databases is only the column types, which each dialect
// supplies (sqlite_schema.cc, postgres_schema.cc); so the tables cannot drift
// apart between them.

#include <vector>

#include "services/ingest/store/schema_migration.h"

namespace jixiao::ingest {

struct SchemaTypes {
  // report_id, table_id: must compare in byte order (ListReports' keyset).
  const char* id;
  // Versions and times: 64-bit integers.
  const char* int64;
  // Serialized protobuf messages.
  const char* bytes;
  // Written after the closing parenthesis of a table that holds nothing but
  // its primary key.
  const char* key_only_table;
  // schema_migrations.applied_at, with how it is filled.
  const char* applied_at;
  // Run once before append_only_table (PostgreSQL: the trigger function).
  const char* append_only_setup;
  // Statements that make table {TABLE} refuse UPDATE and DELETE; safe to run again.
  const char* append_only_table;
};

// Never edit a migration that has shipped: add a new one.
std::vector<Migration> ReportSchemaMigrations(const SchemaTypes& types);

// CREATE TABLE IF NOT EXISTS schema_migrations (version, description, applied_at).
std::string MigrationsTableSql(const SchemaTypes& types);

}  // namespace jixiao::ingest
