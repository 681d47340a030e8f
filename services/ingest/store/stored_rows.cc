#include "services/ingest/store/stored_rows.h"

#include <algorithm>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/utf8/utf8.h"

namespace jixiao::ingest {
namespace {

absl::Status CheckText(absl::string_view field, absl::string_view value) {
  // Malformed UTF-8 and NUL: what a PostgreSQL TEXT column refuses.
  if (utf8::IsStorableText(std::string_view(value.data(), value.size()))) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat(field, " is not valid UTF-8 text (or contains NUL)"));
}

absl::Status CheckIdAndHash(absl::string_view id_field, absl::string_view id,
                            absl::string_view content_hash) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat(id_field, " is empty"));
  if (content_hash.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("content hash of ", id, " is empty"));
  }
  if (auto status = CheckText(id_field, id); !status.ok()) return status;
  return CheckText("content hash", content_hash);
}

absl::Status CheckSubmitter(const Submitter& submitter) {
  if (auto status = CheckText("submitter identity", submitter.identity); !status.ok()) {
    return status;
  }
  return CheckText("submitter address", submitter.address);
}

}  // namespace

absl::StatusOr<ReportRow> ToReportRow(const ReportToStore& item) {
  const auto& report = item.report;
  if (auto status = CheckIdAndHash("report_id", report.report_id(), item.content_hash);
      !status.ok()) {
    return status;
  }
  const auto& department = report.department();
  ReportRow row;
  row.report_id = report.report_id();
  row.content_hash = item.content_hash;
  row.department_code = department.code();
  row.district_code = department.district().code();
  row.level = department.level();
  row.fiscal_year = report.fiscal_year();
  row.kind = report.kind();
  row.sector_tags.assign(department.sector_tags().begin(), department.sector_tags().end());
  std::sort(row.sector_tags.begin(), row.sector_tags.end());
  row.sector_tags.erase(std::unique(row.sector_tags.begin(), row.sector_tags.end()),
                        row.sector_tags.end());
  if (auto status = CheckText("department.code", row.department_code); !status.ok()) {
    return status;
  }
  if (auto status = CheckText("department.district.code", row.district_code); !status.ok()) {
    return status;
  }
  for (const auto& tag : row.sector_tags) {
    if (auto status = CheckText("department.sector_tags", tag); !status.ok()) return status;
  }
  if (auto status = CheckSubmitter(item.submitter); !status.ok()) return status;
  row.submitter = item.submitter;
  if (!department.SerializeToString(&row.department) || !report.SerializeToString(&row.body)) {
    return absl::InvalidArgumentError(
        absl::StrCat("report ", row.report_id, " cannot be serialized (too large?)"));
  }
  return row;
}

absl::StatusOr<TargetTableRow> ToTargetTableRow(const jixiao::v1::ProjectTargetTable& table,
                                                absl::string_view content_hash,
                                                const Submitter& submitter) {
  if (auto status = CheckIdAndHash("table_id", table.table_id(), content_hash); !status.ok()) {
    return status;
  }
  if (auto status = CheckText("department.code", table.department().code()); !status.ok()) {
    return status;
  }
  if (auto status = CheckSubmitter(submitter); !status.ok()) return status;
  TargetTableRow row;
  row.submitter = submitter;
  row.table_id = table.table_id();
  row.content_hash = std::string(content_hash);
  row.department_code = table.department().code();
  row.fiscal_year = table.fiscal_year();
  if (!table.SerializeToString(&row.body)) {
    return absl::InvalidArgumentError(
        absl::StrCat("target table ", row.table_id, " cannot be serialized (too large?)"));
  }
  return row;
}

absl::Status Unparsable(absl::string_view what, absl::string_view id, int64_t version) {
  return absl::DataLossError(
      absl::StrCat("stored ", what, " of ", id, " version ", version, " does not parse"));
}

absl::Status CheckLookup(absl::string_view what, absl::string_view id, int64_t version) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " id is empty"));
  if (version < 0) {
    return absl::InvalidArgumentError(absl::StrCat("negative version ", version, " of ", id));
  }
  return absl::OkStatus();
}

absl::Status NotFound(absl::string_view what, absl::string_view id, int64_t version) {
  if (version == 0) return absl::NotFoundError(absl::StrCat(what, " ", id, " not found"));
  return absl::NotFoundError(absl::StrCat(what, " ", id, " has no version ", version));
}

}  // namespace jixiao::ingest
