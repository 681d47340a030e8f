#include "services/ingest/service/target_table_import.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "common/domain/content_hash/content_hash.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/table_import/target_table_text.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"
#include "services/ingest/service/bad_request.h"

namespace jixiao::ingest {
namespace {

using jixiao::v1::ImportTargetTableRequest;
using jixiao::v1::LineError;
using jixiao::v1::ProjectTargetTable;

constexpr absl::string_view kSubject = "target table";

// The project a validator path points into: "projects[12].total" gives 12,
// and `rest` becomes "total".
std::optional<int> ProjectIndex(absl::string_view field, absl::string_view* rest) {
  if (!absl::ConsumePrefix(&field, "projects[")) return std::nullopt;
  const size_t close = field.find(']');
  int index = 0;
  if (close == absl::string_view::npos || !absl::SimpleAtoi(field.substr(0, close), &index)) {
    return std::nullopt;
  }
  field.remove_prefix(close + 1);
  absl::ConsumePrefix(&field, ".");
  *rest = field;
  return index;
}

bool IsRequestField(absl::string_view field) {
  return field == "fiscal_year" || field == "department" || absl::StartsWith(field, "department.");
}

LineError MakeLineError(int line, std::string reason) {
  LineError error;
  error.set_line(line);
  error.set_reason(std::move(reason));
  return error;
}

PreparedTargetTable Complete(ProjectTargetTable table, std::vector<LineError> line_errors) {
  PreparedTargetTable prepared;
  prepared.table = normalization::NormalizeTargetTable(std::move(table));
  prepared.content_hash = content_hash::ContentHash(prepared.table);
  prepared.warnings = validation::CheckTargetTableConsistency(prepared.table);
  prepared.line_errors = std::move(line_errors);
  return prepared;
}

absl::StatusOr<PreparedTargetTable> PrepareStructured(const ImportTargetTableRequest& request) {
  // Two sources of the department that could disagree: refused rather than
  // one of them silently ignored.
  validation::FieldViolations violations;
  if (request.has_department()) {
    violations.push_back(
        {"department", "is only for text; a structured table carries its own department"});
  }
  if (request.fiscal_year() != 0) {
    violations.push_back(
        {"fiscal_year", "is only for text; a structured table carries its own fiscal_year"});
  }
  validation::FieldViolations table =
      UnderField("table", validation::ValidateTargetTable(request.table()));
  violations.insert(violations.end(), table.begin(), table.end());
  if (!violations.empty()) return BadRequestError(kSubject, violations);
  return Complete(request.table(), {});
}

absl::StatusOr<PreparedTargetTable> PrepareText(const ImportTargetTableRequest& request) {
  table_import::TargetTableImport imported = table_import::ImportTargetTableText(request.text());
  ProjectTargetTable table = std::move(imported.table);
  std::vector<LineError> line_errors;
  for (const auto& error : imported.errors) {
    line_errors.push_back(MakeLineError(error.line, error.reason));
  }

  // The request's department is the one that counts; the name the table
  // prints (部门名称) only fills in a name the request leaves out.
  const std::string printed_name = table.department().name();
  table.clear_department();
  if (request.has_department()) {
    *table.mutable_department() = request.department();
    if (table.department().name().empty()) table.mutable_department()->set_name(printed_name);
  }
  table.set_fiscal_year(request.fiscal_year());

  // Per project: what the contract finds wrong with it; one LineError per
  // line left out, however many violations its project has.
  std::vector<std::vector<std::string>> project_faults(static_cast<size_t>(table.projects_size()));
  validation::FieldViolations refusing;
  for (validation::FieldViolation& violation : validation::ValidateTargetTable(table)) {
    absl::string_view rest;
    if (std::optional<int> index = ProjectIndex(violation.field, &rest);
        index.has_value() && *index >= 0 && *index < table.projects_size()) {
      project_faults[static_cast<size_t>(*index)].push_back(
          absl::StrCat(rest, " ", violation.description));
    } else if (IsRequestField(violation.field)) {
      refusing.push_back(std::move(violation));  // the request's own fields, same paths
    } else {
      // The 合计 row's figures: the text is where they came from.
      refusing.push_back({"text", absl::StrCat(violation.field, " ", violation.description)});
    }
  }
  if (!refusing.empty()) return BadRequestError(kSubject, refusing);

  google::protobuf::RepeatedPtrField<jixiao::v1::ProjectTarget> kept;
  for (int i = 0; i < table.projects_size(); ++i) {
    const std::vector<std::string>& faults = project_faults[static_cast<size_t>(i)];
    if (faults.empty()) {
      *kept.Add() = std::move(*table.mutable_projects(i));
    } else {
      line_errors.push_back(
          MakeLineError(table.projects(i).source_line(), absl::StrJoin(faults, "; ")));
    }
  }
  table.mutable_projects()->Swap(&kept);
  std::stable_sort(line_errors.begin(), line_errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line() < b.line(); });

  if (table.projects_size() == 0) {
    validation::FieldViolations none = {{"text", "has no project line that could be imported"}};
    for (const LineError& error : line_errors) {
      none.push_back({"text", absl::StrCat("line ", error.line(), ": ", error.reason())});
    }
    return BadRequestError(kSubject, none);
  }
  return Complete(std::move(table), std::move(line_errors));
}

}  // namespace

absl::StatusOr<PreparedTargetTable> PrepareTargetTableImport(
    const ImportTargetTableRequest& request) {
  switch (request.source_case()) {
    case ImportTargetTableRequest::kTable:
      return PrepareStructured(request);
    case ImportTargetTableRequest::kText:
      return PrepareText(request);
    case ImportTargetTableRequest::SOURCE_NOT_SET:
      break;
  }
  return BadRequestError(kSubject, {{"table", "is required, or else text"}});
}

}  // namespace jixiao::ingest
