#include "services/ingest/store/postgres_schema.h"

#include "services/ingest/store/report_schema.h"

namespace jixiao::ingest {

const SchemaDialect& PostgresSchemaDialect() {
  // Ids are COLLATE "C" so that ORDER BY and the keyset comparison of
  // ListReports use byte order whatever the database's locale, the same order
  // as SQLite.
  static const SchemaTypes types{"TEXT COLLATE \"C\"",
                                 "BIGINT",
                                 "BYTEA",
                                 "",
                                 "TIMESTAMPTZ NOT NULL DEFAULT now()",
                                 R"sql(
CREATE OR REPLACE FUNCTION jixiao_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % of a stored version refused', TG_TABLE_NAME, TG_OP;
END
$$;
)sql",
                                 R"sql(
CREATE OR REPLACE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_rewrite();
CREATE OR REPLACE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
FOR EACH STATEMENT EXECUTE FUNCTION jixiao_refuse_rewrite();
)sql"};
  static const auto* const dialect =
      new SchemaDialect{"postgresql", ReportSchemaMigrations(types), MigrationsTableSql(types),
                        "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)"};
  return *dialect;
}

const std::vector<Migration>& PostgresMigrations() { return PostgresSchemaDialect().migrations; }

}  // namespace jixiao::ingest
