#include "services/ingest/store/versioned_report_store.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "services/ingest/store/page_token.h"
#include "services/ingest/store/status_macros.h"

namespace jixiao::ingest {
namespace {

// Attempts at a transaction that lost a race (deadlock, serialization failure,
// duplicate key); per-id write locks make this rare.
constexpr int kMaxAttempts = 3;

constexpr char kReportHeadSql[] = R"sql(
SELECT r.version, r.content_hash, r.stored_at_unix_ms
FROM report_heads h JOIN reports r ON r.report_id = h.report_id AND r.version = h.version
WHERE h.report_id = $1)sql";

constexpr char kInsertReportSql[] = R"sql(
INSERT INTO reports (report_id, version, content_hash, department_code, district_code, level,
                     fiscal_year, kind, department, body, stored_at_unix_ms)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11))sql";

constexpr char kInsertSectorTagSql[] =
    "INSERT INTO report_sector_tags (report_id, version, tag) VALUES ($1, $2, $3)";

constexpr char kSetReportHeadSql[] = R"sql(
INSERT INTO report_heads (report_id, version) VALUES ($1, $2)
ON CONFLICT (report_id) DO UPDATE SET version = excluded.version)sql";

constexpr char kInsertReportSubmissionSql[] = R"sql(
INSERT INTO report_submissions (report_id, version, submitted_by, submitted_from)
VALUES ($1, $2, $3, $4))sql";

// The six columns every report read returns, in ReadStoredReport's order. A
// version stored before submitters were recorded has none: empty strings.
#define JIXIAO_STORED_REPORT_COLUMNS                               \
  "SELECT r.version, r.content_hash, r.body, r.stored_at_unix_ms," \
  " COALESCE(s.submitted_by, ''), COALESCE(s.submitted_from, '')"  \
  " FROM reports r LEFT JOIN report_submissions s"                 \
  " ON s.report_id = r.report_id AND s.version = r.version"

constexpr char kLatestReportSql[] = JIXIAO_STORED_REPORT_COLUMNS
    " JOIN report_heads h ON h.report_id = r.report_id AND h.version = r.version"
    " WHERE r.report_id = $1";

constexpr char kReportAtVersionSql[] =
    JIXIAO_STORED_REPORT_COLUMNS " WHERE r.report_id = $1 AND r.version = $2";

constexpr char kReportHistorySql[] =
    JIXIAO_STORED_REPORT_COLUMNS " WHERE r.report_id = $1 ORDER BY r.version";
#undef JIXIAO_STORED_REPORT_COLUMNS

constexpr char kReportVersionsSql[] = R"sql(
SELECT r.version, r.content_hash, r.stored_at_unix_ms,
       COALESCE(s.submitted_by, ''), COALESCE(s.submitted_from, '')
FROM reports r LEFT JOIN report_submissions s
  ON s.report_id = r.report_id AND s.version = r.version
WHERE r.report_id = $1 ORDER BY r.version)sql";

// A zero or empty parameter disables its filter (PostgreSQL plans each call
// with the actual values, so a disabled filter costs nothing). Keyset
// pagination: $1 is the last report_id of the previous page ('' before the
// first).
constexpr char kListReportsSql[] = R"sql(
SELECT r.report_id, r.version, r.content_hash, r.department, r.fiscal_year, r.kind
FROM report_heads h JOIN reports r ON r.report_id = h.report_id AND r.version = h.version
WHERE h.report_id > $1
  AND ($2 = 0 OR r.fiscal_year = $2)
  AND ($3 = '' OR r.district_code = $3)
  AND ($4 = 0 OR r.level = $4)
  AND ($5 = '' OR EXISTS (SELECT 1 FROM report_sector_tags t
                          WHERE t.report_id = r.report_id AND t.version = r.version
                            AND t.tag = $5))
ORDER BY h.report_id
LIMIT $6)sql";

constexpr char kTargetTableHeadSql[] = R"sql(
SELECT t.version, t.content_hash, t.stored_at_unix_ms
FROM target_table_heads h JOIN target_tables t ON t.table_id = h.table_id AND t.version = h.version
WHERE h.table_id = $1)sql";

constexpr char kInsertTargetTableSql[] = R"sql(
INSERT INTO target_tables (table_id, version, content_hash, department_code, fiscal_year, body,
                           stored_at_unix_ms)
VALUES ($1, $2, $3, $4, $5, $6, $7))sql";

constexpr char kSetTargetTableHeadSql[] = R"sql(
INSERT INTO target_table_heads (table_id, version) VALUES ($1, $2)
ON CONFLICT (table_id) DO UPDATE SET version = excluded.version)sql";

constexpr char kInsertTargetTableSubmissionSql[] = R"sql(
INSERT INTO target_table_submissions (table_id, version, submitted_by, submitted_from)
VALUES ($1, $2, $3, $4))sql";

#define JIXIAO_STORED_TARGET_TABLE_COLUMNS                         \
  "SELECT t.version, t.content_hash, t.body, t.stored_at_unix_ms," \
  " COALESCE(s.submitted_by, ''), COALESCE(s.submitted_from, '')"  \
  " FROM target_tables t LEFT JOIN target_table_submissions s"     \
  " ON s.table_id = t.table_id AND s.version = t.version"

constexpr char kLatestTargetTableSql[] = JIXIAO_STORED_TARGET_TABLE_COLUMNS
    " JOIN target_table_heads h ON h.table_id = t.table_id AND h.version = t.version"
    " WHERE t.table_id = $1";

constexpr char kTargetTableAtVersionSql[] =
    JIXIAO_STORED_TARGET_TABLE_COLUMNS " WHERE t.table_id = $1 AND t.version = $2";
#undef JIXIAO_STORED_TARGET_TABLE_COLUMNS

int64_t NowUnixMillis() { return absl::ToUnixMillis(absl::Now()); }

// The version an id's put lands on: its head when that has the same content
// hash (nothing to write), else a new version after it.
struct HeadCheck {
  bool unchanged = false;
  int64_t version = 0;
  int64_t stored_at_unix_ms = 0;  // of the head, when unchanged
};

absl::StatusOr<HeadCheck> CheckHead(SqlSession* session, const char* head_sql, absl::string_view id,
                                    absl::string_view content_hash) {
  STORE_ASSIGN_OR_RETURN(const auto head, session->Execute(head_sql, SqlParams().Text(id)));
  HeadCheck check;
  const int64_t latest = head->size() > 0 ? head->Int(0, 0) : 0;
  check.unchanged = head->size() > 0 && head->Bytes(0, 1) == content_hash;
  check.version = check.unchanged ? latest : latest + 1;
  if (check.unchanged) check.stored_at_unix_ms = head->Int(0, 2);
  return check;
}

// Reads (submitted_by, submitted_from) from `column` on.
Submitter ReadSubmitter(const SqlRows& rows, int row, int column) {
  return Submitter{std::string(rows.Bytes(row, column)), std::string(rows.Bytes(row, column + 1))};
}

// Reads (version, content_hash, body, stored_at_unix_ms, submitted_by,
// submitted_from) at `row`.
absl::StatusOr<StoredReport> ReadStoredReport(const SqlRows& rows, int row,
                                              absl::string_view report_id) {
  StoredReport stored;
  stored.ref.set_report_id(std::string(report_id));
  stored.ref.set_version(rows.Int(row, 0));
  stored.ref.set_content_hash(std::string(rows.Bytes(row, 1)));
  STORE_ASSIGN_OR_RETURN(
      stored.report, ParseStored<jixiao::v1::EvaluationReport>(rows.Bytes(row, 2), "report",
                                                               report_id, stored.ref.version()));
  stored.stored_at_unix_ms = rows.Int(row, 3);
  stored.submitter = ReadSubmitter(rows, row, 4);
  return stored;
}

absl::StatusOr<PutOutcome> PutReportRow(SqlSession* session, const ReportRow& row,
                                        int64_t stored_at_unix_ms) {
  STORE_ASSIGN_OR_RETURN(const HeadCheck head,
                         CheckHead(session, kReportHeadSql, row.report_id, row.content_hash));
  PutOutcome outcome;
  outcome.ref.set_report_id(row.report_id);
  outcome.ref.set_content_hash(row.content_hash);
  outcome.ref.set_version(head.version);
  outcome.created = !head.unchanged;
  outcome.stored_at_unix_ms = head.unchanged ? head.stored_at_unix_ms : stored_at_unix_ms;
  if (head.unchanged) return outcome;

  STORE_RETURN_IF_ERROR(session
                            ->Execute(kInsertReportSql, SqlParams()
                                                            .Text(row.report_id)
                                                            .Int64(head.version)
                                                            .Text(row.content_hash)
                                                            .Text(row.department_code)
                                                            .Text(row.district_code)
                                                            .Int32(row.level)
                                                            .Int32(row.fiscal_year)
                                                            .Int32(row.kind)
                                                            .Bytes(row.department)
                                                            .Bytes(row.body)
                                                            .Int64(stored_at_unix_ms))
                            .status());
  for (const auto& tag : row.sector_tags) {
    STORE_RETURN_IF_ERROR(
        session
            ->Execute(kInsertSectorTagSql,
                      SqlParams().Text(row.report_id).Int64(head.version).Text(tag))
            .status());
  }
  STORE_RETURN_IF_ERROR(session
                            ->Execute(kInsertReportSubmissionSql, SqlParams()
                                                                      .Text(row.report_id)
                                                                      .Int64(head.version)
                                                                      .Text(row.submitter.identity)
                                                                      .Text(row.submitter.address))
                            .status());
  STORE_RETURN_IF_ERROR(
      session->Execute(kSetReportHeadSql, SqlParams().Text(row.report_id).Int64(head.version))
          .status());
  return outcome;
}

// One attempt at the group commit; ABORTED when it lost a race worth retrying.
absl::Status TryPutReports(SqlSession* session, const std::vector<absl::StatusOr<ReportRow>>& rows,
                           std::vector<absl::StatusOr<PutOutcome>>* outcomes) {
  std::vector<absl::string_view> ids;
  for (const auto& row : rows) {
    if (row.ok()) ids.push_back(row->report_id);
  }
  STORE_ASSIGN_OR_RETURN(auto transaction,
                         SqlTransaction::BeginWrite(session, WriteKind::kReport, ids));
  // One commit time for the batch, read once the locks are held.
  const int64_t now = NowUnixMillis();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].ok()) continue;
    // A database error here is the transaction's failure, not the item's.
    STORE_ASSIGN_OR_RETURN((*outcomes)[i], PutReportRow(session, *rows[i], now));
  }
  return transaction.Commit();
}

absl::StatusOr<TargetTablePutOutcome> TryPutTargetTable(SqlSession* session,
                                                        const TargetTableRow& row) {
  STORE_ASSIGN_OR_RETURN(auto transaction, SqlTransaction::BeginWrite(
                                               session, WriteKind::kTargetTable, {row.table_id}));
  const int64_t now = NowUnixMillis();
  STORE_ASSIGN_OR_RETURN(const HeadCheck head,
                         CheckHead(session, kTargetTableHeadSql, row.table_id, row.content_hash));
  TargetTablePutOutcome outcome;
  outcome.ref.table_id = row.table_id;
  outcome.ref.content_hash = row.content_hash;
  outcome.ref.version = head.version;
  if (head.unchanged) {
    outcome.stored_at_unix_ms = head.stored_at_unix_ms;
    return outcome;  // nothing written; the transaction rolls back
  }
  STORE_RETURN_IF_ERROR(session
                            ->Execute(kInsertTargetTableSql, SqlParams()
                                                                 .Text(row.table_id)
                                                                 .Int64(head.version)
                                                                 .Text(row.content_hash)
                                                                 .Text(row.department_code)
                                                                 .Int32(row.fiscal_year)
                                                                 .Bytes(row.body)
                                                                 .Int64(now))
                            .status());
  STORE_RETURN_IF_ERROR(
      session
          ->Execute(kInsertTargetTableSubmissionSql, SqlParams()
                                                         .Text(row.table_id)
                                                         .Int64(head.version)
                                                         .Text(row.submitter.identity)
                                                         .Text(row.submitter.address))
          .status());
  STORE_RETURN_IF_ERROR(
      session->Execute(kSetTargetTableHeadSql, SqlParams().Text(row.table_id).Int64(head.version))
          .status());
  STORE_RETURN_IF_ERROR(transaction.Commit());
  outcome.created = true;
  outcome.stored_at_unix_ms = now;
  return outcome;
}

}  // namespace

absl::StatusOr<std::unique_ptr<VersionedReportStore>> VersionedReportStore::Open(
    std::unique_ptr<SqlSessions> sessions, const SchemaDialect& dialect) {
  {
    STORE_ASSIGN_OR_RETURN(const auto session, sessions->Acquire());
    STORE_RETURN_IF_ERROR(MigrateSchema(session.get(), dialect));
  }
  return std::unique_ptr<VersionedReportStore>(new VersionedReportStore(std::move(sessions)));
}

absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> VersionedReportStore::PutReports(
    const std::vector<ReportToStore>& reports) {
  // Converted before a session is taken: serialization is the costly part and
  // needs no database.
  std::vector<absl::StatusOr<ReportRow>> rows;
  rows.reserve(reports.size());
  for (const auto& item : reports) rows.push_back(ToReportRow(item));
  std::vector<absl::StatusOr<PutOutcome>> not_stored;
  not_stored.reserve(rows.size());
  for (const auto& row : rows) {
    not_stored.push_back(row.ok() ? absl::StatusOr<PutOutcome>(absl::UnknownError("not stored"))
                                  : absl::StatusOr<PutOutcome>(row.status()));
  }
  if (std::none_of(rows.begin(), rows.end(), [](const auto& row) { return row.ok(); })) {
    return not_stored;
  }

  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  absl::Status status;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    std::vector<absl::StatusOr<PutOutcome>> outcomes = not_stored;
    status = TryPutReports(session.get(), rows, &outcomes);
    if (status.ok()) return outcomes;
    if (!absl::IsAborted(status)) break;
  }
  return status;
}

absl::StatusOr<StoredReport> VersionedReportStore::GetReport(absl::string_view report_id,
                                                             int64_t version) {
  STORE_RETURN_IF_ERROR(CheckLookup("report", report_id, version));
  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  STORE_ASSIGN_OR_RETURN(
      const auto rows,
      version == 0
          ? session->Execute(kLatestReportSql, SqlParams().Text(report_id))
          : session->Execute(kReportAtVersionSql, SqlParams().Text(report_id).Int64(version)));
  if (rows->size() == 0) return NotFound("report", report_id, version);
  return ReadStoredReport(*rows, 0, report_id);
}

absl::StatusOr<ReportPage> VersionedReportStore::ListReports(const ReportFilter& filter,
                                                             int page_size,
                                                             absl::string_view page_token) {
  if (page_size < 0) return absl::InvalidArgumentError("negative page size");
  const int limit = page_size == 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  STORE_ASSIGN_OR_RETURN(const std::string after, DecodePageToken(filter, page_token));

  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  // One row more than the page, to learn whether another page follows.
  STORE_ASSIGN_OR_RETURN(const auto rows,
                         session->Execute(kListReportsSql, SqlParams()
                                                               .Text(after)
                                                               .Int32(filter.fiscal_year)
                                                               .Text(filter.district_code)
                                                               .Int32(filter.level)
                                                               .Text(filter.sector_tag)
                                                               .Int64(limit + 1)));
  ReportPage page;
  const int count = std::min(rows->size(), limit);
  for (int i = 0; i < count; ++i) {
    auto& summary = page.reports.emplace_back();
    summary.mutable_ref()->set_report_id(std::string(rows->Bytes(i, 0)));
    summary.mutable_ref()->set_version(rows->Int(i, 1));
    summary.mutable_ref()->set_content_hash(std::string(rows->Bytes(i, 2)));
    STORE_ASSIGN_OR_RETURN(
        *summary.mutable_department(),
        ParseStored<jixiao::v1::Department>(rows->Bytes(i, 3), "department",
                                            summary.ref().report_id(), summary.ref().version()));
    summary.set_fiscal_year(static_cast<int32_t>(rows->Int(i, 4)));
    summary.set_kind(static_cast<jixiao::v1::ReportKind>(rows->Int(i, 5)));
  }
  if (rows->size() > limit) {
    page.next_page_token = EncodePageToken(filter, page.reports.back().ref().report_id());
  }
  return page;
}

absl::StatusOr<std::vector<StoredReport>> VersionedReportStore::ReportHistory(
    absl::string_view report_id) {
  STORE_RETURN_IF_ERROR(CheckLookup("report", report_id, 0));
  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  STORE_ASSIGN_OR_RETURN(const auto rows,
                         session->Execute(kReportHistorySql, SqlParams().Text(report_id)));
  if (rows->size() == 0) return NotFound("report", report_id, 0);
  std::vector<StoredReport> history;
  history.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) {
    STORE_ASSIGN_OR_RETURN(auto stored, ReadStoredReport(*rows, i, report_id));
    history.push_back(std::move(stored));
  }
  return history;
}

absl::StatusOr<std::vector<StoredVersion>> VersionedReportStore::ReportVersions(
    absl::string_view report_id) {
  STORE_RETURN_IF_ERROR(CheckLookup("report", report_id, 0));
  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  STORE_ASSIGN_OR_RETURN(const auto rows,
                         session->Execute(kReportVersionsSql, SqlParams().Text(report_id)));
  if (rows->size() == 0) return NotFound("report", report_id, 0);
  std::vector<StoredVersion> versions(rows->size());
  for (int i = 0; i < rows->size(); ++i) {
    StoredVersion& version = versions[i];
    version.ref.set_report_id(std::string(report_id));
    version.ref.set_version(rows->Int(i, 0));
    version.ref.set_content_hash(std::string(rows->Bytes(i, 1)));
    version.stored_at_unix_ms = rows->Int(i, 2);
    version.submitter = ReadSubmitter(*rows, i, 3);
  }
  return versions;
}

absl::StatusOr<TargetTablePutOutcome> VersionedReportStore::PutTargetTable(
    const jixiao::v1::ProjectTargetTable& table, absl::string_view content_hash,
    const Submitter& submitter) {
  STORE_ASSIGN_OR_RETURN(const TargetTableRow row,
                         ToTargetTableRow(table, content_hash, submitter));
  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  absl::StatusOr<TargetTablePutOutcome> outcome;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    outcome = TryPutTargetTable(session.get(), row);
    if (outcome.ok() || !absl::IsAborted(outcome.status())) break;
  }
  return outcome;
}

absl::StatusOr<StoredTargetTable> VersionedReportStore::GetTargetTable(absl::string_view table_id,
                                                                       int64_t version) {
  STORE_RETURN_IF_ERROR(CheckLookup("target table", table_id, version));
  STORE_ASSIGN_OR_RETURN(const auto session, sessions_->Acquire());
  STORE_ASSIGN_OR_RETURN(
      const auto rows,
      version == 0
          ? session->Execute(kLatestTargetTableSql, SqlParams().Text(table_id))
          : session->Execute(kTargetTableAtVersionSql, SqlParams().Text(table_id).Int64(version)));
  if (rows->size() == 0) return NotFound("target table", table_id, version);
  StoredTargetTable stored;
  stored.ref.table_id = std::string(table_id);
  stored.ref.version = rows->Int(0, 0);
  stored.ref.content_hash = std::string(rows->Bytes(0, 1));
  STORE_ASSIGN_OR_RETURN(
      stored.table, ParseStored<jixiao::v1::ProjectTargetTable>(rows->Bytes(0, 2), "target table",
                                                                table_id, stored.ref.version));
  stored.stored_at_unix_ms = rows->Int(0, 3);
  stored.submitter = ReadSubmitter(*rows, 0, 4);
  return stored;
}

}  // namespace jixiao::ingest
