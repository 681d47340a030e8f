#include "services/ingest/store/sqlite_schema.h"

#include "absl/strings/str_cat.h"

namespace jixiao::ingest {

// Never edit a migration that has shipped: add a new one.
const std::vector<Migration>& SqliteMigrations() {
  static const auto* const migrations = new std::vector<Migration>{
      {1, "report versions, their sector tags and the latest-version pointer",
       R"sql(
CREATE TABLE reports (
  report_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  department_code TEXT NOT NULL,
  district_code TEXT NOT NULL,
  level INTEGER NOT NULL,
  fiscal_year INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  department BLOB NOT NULL,
  body BLOB NOT NULL,
  stored_at_unix_ms INTEGER NOT NULL,
  PRIMARY KEY (report_id, version)
);
CREATE INDEX reports_by_fiscal_year ON reports (fiscal_year);
CREATE INDEX reports_by_district ON reports (district_code);
CREATE TABLE report_sector_tags (
  report_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (report_id, version, tag),
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
) WITHOUT ROWID;
CREATE INDEX report_sector_tags_by_tag ON report_sector_tags (tag, report_id, version);
-- One row per report: its latest version. Listing walks this table in
-- report_id order instead of finding the maximum version of every report.
CREATE TABLE report_heads (
  report_id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL,
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
) WITHOUT ROWID;
)sql"},
      {2, "target table versions and their latest-version pointer", R"sql(
CREATE TABLE target_tables (
  table_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  department_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  body BLOB NOT NULL,
  stored_at_unix_ms INTEGER NOT NULL,
  PRIMARY KEY (table_id, version)
);
CREATE TABLE target_table_heads (
  table_id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL,
  FOREIGN KEY (table_id, version) REFERENCES target_tables (table_id, version)
) WITHOUT ROWID;
)sql"},
  };
  return *migrations;
}

absl::Status MigrateSqlite(SqliteConnection* connection) {
  auto transaction = SqliteTransaction::BeginImmediate(connection);
  if (!transaction.ok()) return transaction.status();
  if (auto status = connection->Exec(R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
))sql");
      !status.ok()) {
    return status;
  }

  std::vector<int64_t> applied;
  {
    auto select = connection->Prepare("SELECT version FROM schema_migrations");
    if (!select.ok()) return select.status();
    while (true) {
      auto row = (*select)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      applied.push_back((*select)->ColumnInt64(0));
    }
  }
  auto pending = PendingMigrations(SqliteMigrations(), applied, "sqlite");
  if (!pending.ok()) return pending.status();

  auto record = connection->Prepare(
      "INSERT INTO schema_migrations (version, description, applied_at) "
      "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
  if (!record.ok()) return record.status();
  for (const Migration* migration : *pending) {
    if (auto status = connection->Exec(migration->sql); !status.ok()) {
      return absl::Status(status.code(), absl::StrCat("sqlite migration ", migration->version, ": ",
                                                      status.message()));
    }
    StatementUse use(**record);
    if (auto status = use->BindInt64(1, migration->version); !status.ok()) return status;
    if (auto status = use->BindText(2, migration->description); !status.ok()) return status;
    if (auto status = use->Run(); !status.ok()) return status;
  }
  return transaction->Commit();
}

}  // namespace jixiao::ingest
