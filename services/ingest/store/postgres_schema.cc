#include "services/ingest/store/postgres_schema.h"

#include "absl/strings/str_cat.h"
#include "services/ingest/store/postgres_advisory_locks.h"
#include "services/ingest/store/postgres_query.h"
#include "services/ingest/store/status_macros.h"

namespace jixiao::ingest {

// Never edit a migration that has shipped: add a new one. Ids are COLLATE "C"
// so that ORDER BY and the keyset comparison of ListReports use byte order
// whatever the database's locale, the same order as SQLite.
const std::vector<Migration>& PostgresMigrations() {
  static const auto* const migrations = new std::vector<Migration>{
      {1, "report versions, their sector tags and the latest-version pointer",
       R"sql(
CREATE TABLE reports (
  report_id TEXT COLLATE "C" NOT NULL,
  version BIGINT NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  department_code TEXT NOT NULL,
  district_code TEXT NOT NULL,
  level INTEGER NOT NULL,
  fiscal_year INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  department BYTEA NOT NULL,
  body BYTEA NOT NULL,
  stored_at_unix_ms BIGINT NOT NULL,
  PRIMARY KEY (report_id, version)
);
CREATE INDEX reports_by_fiscal_year ON reports (fiscal_year);
CREATE INDEX reports_by_district ON reports (district_code);
CREATE TABLE report_sector_tags (
  report_id TEXT COLLATE "C" NOT NULL,
  version BIGINT NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (report_id, version, tag),
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
);
CREATE INDEX report_sector_tags_by_tag ON report_sector_tags (tag, report_id, version);
-- One row per report: its latest version. Listing walks this table in
-- report_id order instead of finding the maximum version of every report.
CREATE TABLE report_heads (
  report_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
);
)sql"},
      {2, "target table versions and their latest-version pointer", R"sql(
CREATE TABLE target_tables (
  table_id TEXT COLLATE "C" NOT NULL,
  version BIGINT NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  department_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  body BYTEA NOT NULL,
  stored_at_unix_ms BIGINT NOT NULL,
  PRIMARY KEY (table_id, version)
);
CREATE TABLE target_table_heads (
  table_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  FOREIGN KEY (table_id, version) REFERENCES target_tables (table_id, version)
);
)sql"},
  };
  return *migrations;
}

absl::Status MigratePostgres(PGconn* connection) {
  STORE_ASSIGN_OR_RETURN(auto transaction, PgTransaction::Begin(connection));
  STORE_RETURN_IF_ERROR(LockAdvisory(connection, AdvisoryLockClass::kSchemaMigration, ""));
  STORE_RETURN_IF_ERROR(PgExecuteScript(connection, R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
))sql"));
  STORE_ASSIGN_OR_RETURN(const PgRows rows,
                         PgExecute(connection, "SELECT version FROM schema_migrations"));
  std::vector<int64_t> applied;
  for (int i = 0; i < rows.size(); ++i) applied.push_back(rows.Int(i, 0));
  STORE_ASSIGN_OR_RETURN(const auto pending,
                         PendingMigrations(PostgresMigrations(), applied, "postgresql"));
  for (const Migration* migration : pending) {
    if (auto status = PgExecuteScript(connection, migration->sql); !status.ok()) {
      return absl::Status(status.code(), absl::StrCat("postgresql migration ", migration->version,
                                                      ": ", status.message()));
    }
    STORE_RETURN_IF_ERROR(
        PgExecute(connection,
                  "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
                  PgParams().Int32(migration->version).Text(migration->description))
            .status());
  }
  return transaction.Commit();
}

}  // namespace jixiao::ingest
