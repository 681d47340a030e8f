#include "services/ingest/store/postgres_schema.h"

#include "services/ingest/store/report_schema.h"

namespace jixiao::ingest {

const SchemaDialect& PostgresSchemaDialect() {
  // Ids are COLLATE "C" so that ORDER BY and the keyset comparison of
  // ListReports use byte order whatever the database's locale, the same order
  // as SQLite.
  static const SchemaTypes types{"TEXT COLLATE \"C\"", "BIGINT", "BYTEA", "",
                                 "TIMESTAMPTZ NOT NULL DEFAULT now()"};
  static const auto* const dialect =
      new SchemaDialect{"postgresql", ReportSchemaMigrations(types), MigrationsTableSql(types),
                        "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)"};
  return *dialect;
}

const std::vector<Migration>& PostgresMigrations() { return PostgresSchemaDialect().migrations; }

}  // namespace jixiao::ingest
