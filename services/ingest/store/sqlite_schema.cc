#include "services/ingest/store/sqlite_schema.h"

#include "services/ingest/store/report_schema.h"

namespace jixiao::ingest {

const SchemaDialect& SqliteSchemaDialect() {
  // A table that holds nothing but its primary key is stored as that key's
  // B-tree alone (WITHOUT ROWID). TEXT compares in byte order (BINARY).
  static const SchemaTypes types{"TEXT", "INTEGER", "BLOB", " WITHOUT ROWID", "TEXT NOT NULL", "",
                                 R"sql(
CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE}
BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only: a stored version is never changed'); END;
CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE}
BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only: a stored version is never deleted'); END;
)sql"};
  static const auto* const dialect =
      new SchemaDialect{"sqlite", ReportSchemaMigrations(types), MigrationsTableSql(types),
                        "INSERT INTO schema_migrations (version, description, applied_at) "
                        "VALUES ($1, $2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"};
  return *dialect;
}

const std::vector<Migration>& SqliteMigrations() { return SqliteSchemaDialect().migrations; }

}  // namespace jixiao::ingest
