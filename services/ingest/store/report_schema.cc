#include "services/ingest/store/report_schema.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace jixiao::ingest {
namespace {

constexpr char kReportsSql[] = R"sql(
CREATE TABLE reports (
  report_id {ID} NOT NULL,
  version {INT64} NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  department_code TEXT NOT NULL,
  district_code TEXT NOT NULL,
  level INTEGER NOT NULL,
  fiscal_year INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  department {BYTES} NOT NULL,
  body {BYTES} NOT NULL,
  stored_at_unix_ms {INT64} NOT NULL,
  PRIMARY KEY (report_id, version)
);
CREATE INDEX reports_by_fiscal_year ON reports (fiscal_year);
CREATE INDEX reports_by_district ON reports (district_code);
CREATE TABLE report_sector_tags (
  report_id {ID} NOT NULL,
  version {INT64} NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (report_id, version, tag),
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
){KEY_ONLY};
CREATE INDEX report_sector_tags_by_tag ON report_sector_tags (tag, report_id, version);
-- One row per report: its latest version. Listing walks this table in
-- report_id order instead of finding the maximum version of every report.
CREATE TABLE report_heads (
  report_id {ID} NOT NULL PRIMARY KEY,
  version {INT64} NOT NULL,
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
){KEY_ONLY};
)sql";

constexpr char kTargetTablesSql[] = R"sql(
CREATE TABLE target_tables (
  table_id {ID} NOT NULL,
  version {INT64} NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  department_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  body {BYTES} NOT NULL,
  stored_at_unix_ms {INT64} NOT NULL,
  PRIMARY KEY (table_id, version)
);
CREATE TABLE target_table_heads (
  table_id {ID} NOT NULL PRIMARY KEY,
  version {INT64} NOT NULL,
  FOREIGN KEY (table_id, version) REFERENCES target_tables (table_id, version)
){KEY_ONLY};
)sql";

// Who stored each version and from where, kept beside the version as its audit.
// Every table a version lives in is append-only from here on: a trigger refuses
// UPDATE and DELETE (and TRUNCATE where the database has it), so not even a bug
// in jixiao can rewrite history; only the latest-version pointers move.
constexpr char kSubmissionsSql[] = R"sql(
CREATE TABLE report_submissions (
  report_id {ID} NOT NULL,
  version {INT64} NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_from TEXT NOT NULL,
  PRIMARY KEY (report_id, version),
  FOREIGN KEY (report_id, version) REFERENCES reports (report_id, version)
);
CREATE TABLE target_table_submissions (
  table_id {ID} NOT NULL,
  version {INT64} NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_from TEXT NOT NULL,
  PRIMARY KEY (table_id, version),
  FOREIGN KEY (table_id, version) REFERENCES target_tables (table_id, version)
);
)sql";

constexpr const char* kAppendOnlyTables[] = {"reports", "report_sector_tags", "report_submissions",
                                             "target_tables", "target_table_submissions"};

constexpr char kMigrationsTableSql[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at {APPLIED_AT}
))sql";

std::string InTypes(absl::string_view sql, const SchemaTypes& types) {
  return absl::StrReplaceAll(sql, {{"{ID}", types.id},
                                   {"{INT64}", types.int64},
                                   {"{BYTES}", types.bytes},
                                   {"{KEY_ONLY}", types.key_only_table},
                                   {"{APPLIED_AT}", types.applied_at}});
}

std::string SubmissionsSql(const SchemaTypes& types) {
  std::string sql = absl::StrCat(InTypes(kSubmissionsSql, types), types.append_only_setup);
  for (const char* table : kAppendOnlyTables) {
    absl::StrAppend(&sql, absl::StrReplaceAll(types.append_only_table, {{"{TABLE}", table}}));
  }
  return sql;
}

}  // namespace

std::vector<Migration> ReportSchemaMigrations(const SchemaTypes& types) {
  return {
      {1, "report versions, their sector tags and the latest-version pointer",
       InTypes(kReportsSql, types)},
      {2, "target table versions and their latest-version pointer",
       InTypes(kTargetTablesSql, types)},
      {3, "who submitted each version and from where; versions made append-only",
       SubmissionsSql(types)},
  };
}

std::string MigrationsTableSql(const SchemaTypes& types) {
  return InTypes(kMigrationsTableSql, types);
}

}  // namespace jixiao::ingest
