#include "services/ingest/store/sqlite_report_store.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/ingest/store/page_token.h"
#include "services/ingest/store/sqlite_schema.h"
#include "services/ingest/store/status_macros.h"

namespace jixiao::ingest {
namespace {

constexpr absl::string_view kReportHeadSql = R"sql(
SELECT r.version, r.content_hash, r.stored_at_unix_ms
FROM report_heads h JOIN reports r ON r.report_id = h.report_id AND r.version = h.version
WHERE h.report_id = ?1)sql";

constexpr absl::string_view kInsertReportSql = R"sql(
INSERT INTO reports (report_id, version, content_hash, department_code, district_code, level,
                     fiscal_year, kind, department, body, stored_at_unix_ms)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql";

constexpr absl::string_view kInsertSectorTagSql =
    "INSERT INTO report_sector_tags (report_id, version, tag) VALUES (?1, ?2, ?3)";

constexpr absl::string_view kSetReportHeadSql = R"sql(
INSERT INTO report_heads (report_id, version) VALUES (?1, ?2)
ON CONFLICT (report_id) DO UPDATE SET version = excluded.version)sql";

// The four columns every report read returns, in ReadStoredReport's order.
constexpr absl::string_view kLatestReportSql = R"sql(
SELECT r.version, r.content_hash, r.body, r.stored_at_unix_ms
FROM report_heads h JOIN reports r ON r.report_id = h.report_id AND r.version = h.version
WHERE h.report_id = ?1)sql";

constexpr absl::string_view kReportAtVersionSql = R"sql(
SELECT version, content_hash, body, stored_at_unix_ms FROM reports
WHERE report_id = ?1 AND version = ?2)sql";

constexpr absl::string_view kReportHistorySql = R"sql(
SELECT version, content_hash, body, stored_at_unix_ms FROM reports
WHERE report_id = ?1 ORDER BY version)sql";

// A zero or empty parameter disables its filter. Keyset pagination: ?1 is the
// last report_id of the previous page ('' before the first).
constexpr absl::string_view kListReportsSql = R"sql(
SELECT r.report_id, r.version, r.content_hash, r.department, r.fiscal_year, r.kind
FROM report_heads h JOIN reports r ON r.report_id = h.report_id AND r.version = h.version
WHERE h.report_id > ?1
  AND (?2 = 0 OR r.fiscal_year = ?2)
  AND (?3 = '' OR r.district_code = ?3)
  AND (?4 = 0 OR r.level = ?4)
  AND (?5 = '' OR EXISTS (SELECT 1 FROM report_sector_tags t
                          WHERE t.report_id = r.report_id AND t.version = r.version
                            AND t.tag = ?5))
ORDER BY h.report_id
LIMIT ?6)sql";

constexpr absl::string_view kTargetTableHeadSql = R"sql(
SELECT t.version, t.content_hash, t.stored_at_unix_ms
FROM target_table_heads h JOIN target_tables t ON t.table_id = h.table_id AND t.version = h.version
WHERE h.table_id = ?1)sql";

constexpr absl::string_view kInsertTargetTableSql = R"sql(
INSERT INTO target_tables (table_id, version, content_hash, department_code, fiscal_year, body,
                           stored_at_unix_ms)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql";

constexpr absl::string_view kSetTargetTableHeadSql = R"sql(
INSERT INTO target_table_heads (table_id, version) VALUES (?1, ?2)
ON CONFLICT (table_id) DO UPDATE SET version = excluded.version)sql";

constexpr absl::string_view kLatestTargetTableSql = R"sql(
SELECT t.version, t.content_hash, t.body, t.stored_at_unix_ms
FROM target_table_heads h JOIN target_tables t ON t.table_id = h.table_id AND t.version = h.version
WHERE h.table_id = ?1)sql";

constexpr absl::string_view kTargetTableAtVersionSql = R"sql(
SELECT version, content_hash, body, stored_at_unix_ms FROM target_tables
WHERE table_id = ?1 AND version = ?2)sql";

int64_t NowUnixMillis() { return absl::ToUnixMillis(absl::Now()); }

// Reads (version, content_hash, body, stored_at_unix_ms) at the current row.
absl::StatusOr<StoredReport> ReadStoredReport(const SqliteStatement& row,
                                              absl::string_view report_id) {
  StoredReport stored;
  stored.ref.set_report_id(std::string(report_id));
  stored.ref.set_version(row.ColumnInt64(0));
  stored.ref.set_content_hash(std::string(row.ColumnText(1)));
  STORE_ASSIGN_OR_RETURN(
      stored.report, ParseStored<jixiao::v1::EvaluationReport>(row.ColumnBlob(2), "report",
                                                               report_id, stored.ref.version()));
  stored.stored_at_unix_ms = row.ColumnInt64(3);
  return stored;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteReportStore>> SqliteReportStore::Open(
    const std::string& path, const ReportStoreOptions& options) {
  STORE_ASSIGN_OR_RETURN(auto connection,
                         SqliteConnection::Open(path, options.sqlite_busy_timeout));
  STORE_RETURN_IF_ERROR(MigrateSqlite(connection.get()));
  Statements s;
  const std::pair<std::unique_ptr<SqliteStatement>*, absl::string_view> to_prepare[] = {
      {&s.report_head, kReportHeadSql},
      {&s.insert_report, kInsertReportSql},
      {&s.insert_sector_tag, kInsertSectorTagSql},
      {&s.set_report_head, kSetReportHeadSql},
      {&s.latest_report, kLatestReportSql},
      {&s.report_at_version, kReportAtVersionSql},
      {&s.report_history, kReportHistorySql},
      {&s.list_reports, kListReportsSql},
      {&s.target_table_head, kTargetTableHeadSql},
      {&s.insert_target_table, kInsertTargetTableSql},
      {&s.set_target_table_head, kSetTargetTableHeadSql},
      {&s.latest_target_table, kLatestTargetTableSql},
      {&s.target_table_at_version, kTargetTableAtVersionSql},
  };
  for (const auto& [slot, sql] : to_prepare) {
    STORE_ASSIGN_OR_RETURN(*slot, connection->Prepare(sql));
  }
  return std::unique_ptr<SqliteReportStore>(
      new SqliteReportStore(std::move(connection), std::move(s)));
}

absl::StatusOr<PutOutcome> SqliteReportStore::PutReportRow(const ReportRow& row,
                                                           int64_t stored_at_unix_ms) {
  PutOutcome outcome;
  outcome.ref.set_report_id(row.report_id);
  outcome.ref.set_content_hash(row.content_hash);
  int64_t latest = 0;
  {
    StatementUse head(*statements_.report_head);
    STORE_RETURN_IF_ERROR(head->BindText(1, row.report_id));
    STORE_ASSIGN_OR_RETURN(const bool found, head->Step());
    if (found) {
      latest = head->ColumnInt64(0);
      if (head->ColumnText(1) == row.content_hash) {
        outcome.ref.set_version(latest);
        outcome.created = false;
        outcome.stored_at_unix_ms = head->ColumnInt64(2);
        return outcome;
      }
    }
  }
  const int64_t version = latest + 1;
  {
    StatementUse insert(*statements_.insert_report);
    STORE_RETURN_IF_ERROR(insert->BindText(1, row.report_id));
    STORE_RETURN_IF_ERROR(insert->BindInt64(2, version));
    STORE_RETURN_IF_ERROR(insert->BindText(3, row.content_hash));
    STORE_RETURN_IF_ERROR(insert->BindText(4, row.department_code));
    STORE_RETURN_IF_ERROR(insert->BindText(5, row.district_code));
    STORE_RETURN_IF_ERROR(insert->BindInt64(6, row.level));
    STORE_RETURN_IF_ERROR(insert->BindInt64(7, row.fiscal_year));
    STORE_RETURN_IF_ERROR(insert->BindInt64(8, row.kind));
    STORE_RETURN_IF_ERROR(insert->BindBlob(9, row.department));
    STORE_RETURN_IF_ERROR(insert->BindBlob(10, row.body));
    STORE_RETURN_IF_ERROR(insert->BindInt64(11, stored_at_unix_ms));
    STORE_RETURN_IF_ERROR(insert->Run());
  }
  for (const auto& tag : row.sector_tags) {
    StatementUse insert(*statements_.insert_sector_tag);
    STORE_RETURN_IF_ERROR(insert->BindText(1, row.report_id));
    STORE_RETURN_IF_ERROR(insert->BindInt64(2, version));
    STORE_RETURN_IF_ERROR(insert->BindText(3, tag));
    STORE_RETURN_IF_ERROR(insert->Run());
  }
  {
    StatementUse set_head(*statements_.set_report_head);
    STORE_RETURN_IF_ERROR(set_head->BindText(1, row.report_id));
    STORE_RETURN_IF_ERROR(set_head->BindInt64(2, version));
    STORE_RETURN_IF_ERROR(set_head->Run());
  }
  outcome.ref.set_version(version);
  outcome.created = true;
  outcome.stored_at_unix_ms = stored_at_unix_ms;
  return outcome;
}

absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> SqliteReportStore::PutReports(
    const std::vector<ReportToStore>& reports) {
  // Converted before taking the lock: serialization is the costly part and
  // needs no database.
  std::vector<absl::StatusOr<ReportRow>> rows;
  rows.reserve(reports.size());
  for (const auto& item : reports) rows.push_back(ToReportRow(item));

  std::vector<absl::StatusOr<PutOutcome>> outcomes;
  outcomes.reserve(rows.size());
  for (const auto& row : rows) {
    outcomes.push_back(row.ok() ? absl::StatusOr<PutOutcome>(absl::UnknownError("not stored"))
                                : absl::StatusOr<PutOutcome>(row.status()));
  }
  if (std::none_of(rows.begin(), rows.end(), [](const auto& row) { return row.ok(); })) {
    return outcomes;
  }

  absl::MutexLock lock(&mutex_);
  STORE_ASSIGN_OR_RETURN(auto transaction, SqliteTransaction::BeginImmediate(connection_.get()));
  // One commit time for the batch, read once the write lock is held.
  const int64_t now = NowUnixMillis();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].ok()) continue;
    // A database error here is the transaction's failure, not the item's.
    STORE_ASSIGN_OR_RETURN(outcomes[i], PutReportRow(*rows[i], now));
  }
  STORE_RETURN_IF_ERROR(transaction.Commit());
  return outcomes;
}

absl::StatusOr<StoredReport> SqliteReportStore::GetReport(absl::string_view report_id,
                                                          int64_t version) {
  STORE_RETURN_IF_ERROR(CheckLookup("report", report_id, version));
  absl::MutexLock lock(&mutex_);
  StatementUse query(version == 0 ? *statements_.latest_report : *statements_.report_at_version);
  STORE_RETURN_IF_ERROR(query->BindText(1, report_id));
  if (version != 0) STORE_RETURN_IF_ERROR(query->BindInt64(2, version));
  STORE_ASSIGN_OR_RETURN(const bool found, query->Step());
  if (!found) return NotFound("report", report_id, version);
  return ReadStoredReport(*query, report_id);
}

absl::StatusOr<ReportPage> SqliteReportStore::ListReports(const ReportFilter& filter, int page_size,
                                                          absl::string_view page_token) {
  if (page_size < 0) return absl::InvalidArgumentError("negative page size");
  const int limit = page_size == 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  STORE_ASSIGN_OR_RETURN(const std::string after, DecodePageToken(filter, page_token));

  absl::MutexLock lock(&mutex_);
  StatementUse query(*statements_.list_reports);
  STORE_RETURN_IF_ERROR(query->BindText(1, after));
  STORE_RETURN_IF_ERROR(query->BindInt64(2, filter.fiscal_year));
  STORE_RETURN_IF_ERROR(query->BindText(3, filter.district_code));
  STORE_RETURN_IF_ERROR(query->BindInt64(4, filter.level));
  STORE_RETURN_IF_ERROR(query->BindText(5, filter.sector_tag));
  // One row more than the page, to learn whether another page follows.
  STORE_RETURN_IF_ERROR(query->BindInt64(6, limit + 1));
  ReportPage page;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool has_row, query->Step());
    if (!has_row) break;
    if (static_cast<int>(page.reports.size()) == limit) {
      page.next_page_token = EncodePageToken(filter, page.reports.back().ref().report_id());
      break;
    }
    auto& summary = page.reports.emplace_back();
    summary.mutable_ref()->set_report_id(std::string(query->ColumnText(0)));
    summary.mutable_ref()->set_version(query->ColumnInt64(1));
    summary.mutable_ref()->set_content_hash(std::string(query->ColumnText(2)));
    STORE_ASSIGN_OR_RETURN(
        *summary.mutable_department(),
        ParseStored<jixiao::v1::Department>(query->ColumnBlob(3), "department",
                                            summary.ref().report_id(), summary.ref().version()));
    summary.set_fiscal_year(static_cast<int32_t>(query->ColumnInt64(4)));
    summary.set_kind(static_cast<jixiao::v1::ReportKind>(query->ColumnInt64(5)));
  }
  return page;
}

absl::StatusOr<std::vector<StoredReport>> SqliteReportStore::ReportHistory(
    absl::string_view report_id) {
  STORE_RETURN_IF_ERROR(CheckLookup("report", report_id, 0));
  absl::MutexLock lock(&mutex_);
  StatementUse query(*statements_.report_history);
  STORE_RETURN_IF_ERROR(query->BindText(1, report_id));
  std::vector<StoredReport> history;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool has_row, query->Step());
    if (!has_row) break;
    STORE_ASSIGN_OR_RETURN(auto stored, ReadStoredReport(*query, report_id));
    history.push_back(std::move(stored));
  }
  if (history.empty()) return NotFound("report", report_id, 0);
  return history;
}

absl::StatusOr<TargetTablePutOutcome> SqliteReportStore::PutTargetTable(
    const jixiao::v1::ProjectTargetTable& table, absl::string_view content_hash) {
  STORE_ASSIGN_OR_RETURN(const TargetTableRow row, ToTargetTableRow(table, content_hash));
  TargetTablePutOutcome outcome;
  outcome.ref.table_id = row.table_id;
  outcome.ref.content_hash = row.content_hash;

  absl::MutexLock lock(&mutex_);
  STORE_ASSIGN_OR_RETURN(auto transaction, SqliteTransaction::BeginImmediate(connection_.get()));
  const int64_t now = NowUnixMillis();
  int64_t latest = 0;
  {
    StatementUse head(*statements_.target_table_head);
    STORE_RETURN_IF_ERROR(head->BindText(1, row.table_id));
    STORE_ASSIGN_OR_RETURN(const bool found, head->Step());
    if (found) {
      latest = head->ColumnInt64(0);
      if (head->ColumnText(1) == row.content_hash) {
        outcome.ref.version = latest;
        outcome.stored_at_unix_ms = head->ColumnInt64(2);
        return outcome;  // nothing written; the transaction rolls back
      }
    }
  }
  outcome.ref.version = latest + 1;
  {
    StatementUse insert(*statements_.insert_target_table);
    STORE_RETURN_IF_ERROR(insert->BindText(1, row.table_id));
    STORE_RETURN_IF_ERROR(insert->BindInt64(2, outcome.ref.version));
    STORE_RETURN_IF_ERROR(insert->BindText(3, row.content_hash));
    STORE_RETURN_IF_ERROR(insert->BindText(4, row.department_code));
    STORE_RETURN_IF_ERROR(insert->BindInt64(5, row.fiscal_year));
    STORE_RETURN_IF_ERROR(insert->BindBlob(6, row.body));
    STORE_RETURN_IF_ERROR(insert->BindInt64(7, now));
    STORE_RETURN_IF_ERROR(insert->Run());
  }
  {
    StatementUse set_head(*statements_.set_target_table_head);
    STORE_RETURN_IF_ERROR(set_head->BindText(1, row.table_id));
    STORE_RETURN_IF_ERROR(set_head->BindInt64(2, outcome.ref.version));
    STORE_RETURN_IF_ERROR(set_head->Run());
  }
  STORE_RETURN_IF_ERROR(transaction.Commit());
  outcome.created = true;
  outcome.stored_at_unix_ms = now;
  return outcome;
}

absl::StatusOr<StoredTargetTable> SqliteReportStore::GetTargetTable(absl::string_view table_id,
                                                                    int64_t version) {
  STORE_RETURN_IF_ERROR(CheckLookup("target table", table_id, version));
  absl::MutexLock lock(&mutex_);
  StatementUse query(version == 0 ? *statements_.latest_target_table
                                  : *statements_.target_table_at_version);
  STORE_RETURN_IF_ERROR(query->BindText(1, table_id));
  if (version != 0) STORE_RETURN_IF_ERROR(query->BindInt64(2, version));
  STORE_ASSIGN_OR_RETURN(const bool found, query->Step());
  if (!found) return NotFound("target table", table_id, version);
  StoredTargetTable stored;
  stored.ref.table_id = std::string(table_id);
  stored.ref.version = query->ColumnInt64(0);
  stored.ref.content_hash = std::string(query->ColumnText(1));
  STORE_ASSIGN_OR_RETURN(stored.table,
                         ParseStored<jixiao::v1::ProjectTargetTable>(
                             query->ColumnBlob(2), "target table", table_id, stored.ref.version));
  stored.stored_at_unix_ms = query->ColumnInt64(3);
  return stored;
}

}  // namespace jixiao::ingest
