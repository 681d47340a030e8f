#include "common/domain/report_id/report_id.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace jixiao::report_id {
namespace {

constexpr absl::string_view kDepartment = "department";
constexpr absl::string_view kProject = "project";
constexpr absl::string_view kEvaluation = "evaluation";

absl::Status Malformed(absl::string_view id, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("report id \"", id, "\" ", why,
                   " (want <department code>/<year>/department, "
                   "<department code>/<year>/project/<project code> or "
                   "<department code>/<year>/evaluation/<project code>)"));
}

}  // namespace

absl::string_view KindSegment(jixiao::v1::ReportKind kind) {
  switch (kind) {
    case jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION:
      return kProject;
    case jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION:
      return kEvaluation;
    default:
      return kDepartment;
  }
}

std::string Format(absl::string_view department_code, int fiscal_year, jixiao::v1::ReportKind kind,
                   absl::string_view project_code) {
  const absl::string_view segment = KindSegment(kind);
  if (segment == kDepartment) return absl::StrCat(department_code, "/", fiscal_year, "/", segment);
  return absl::StrCat(department_code, "/", fiscal_year, "/", segment, "/", project_code);
}

std::string Of(const jixiao::v1::EvaluationReport& report) {
  return Format(report.department().code(), report.fiscal_year(), report.kind(),
                report.project_code());
}

absl::StatusOr<Parts> Parse(absl::string_view id) {
  const std::vector<absl::string_view> segments = absl::StrSplit(id, '/');
  if (segments.size() < 3 || segments.size() > 4)
    return Malformed(id, "has too few or too many segments");
  Parts parts;
  if (segments[0].empty()) return Malformed(id, "has no department code");
  parts.department_code = std::string(segments[0]);
  if (!absl::SimpleAtoi(segments[1], &parts.fiscal_year)) return Malformed(id, "has no year");
  if (segments[2] == kDepartment) {
    if (segments.size() != 3) return Malformed(id, "names a project for a department report");
    parts.kind = jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION;
    return parts;
  }
  if (segments[2] == kProject) {
    parts.kind = jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
  } else if (segments[2] == kEvaluation) {
    parts.kind = jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION;
  } else {
    return Malformed(id, "has an unknown kind");
  }
  if (segments.size() != 4 || segments[3].empty()) return Malformed(id, "has no project code");
  parts.project_code = std::string(segments[3]);
  return parts;
}

std::string OfTargetTable(const jixiao::v1::ProjectTargetTable& table) {
  return absl::StrCat(table.department().code(), "/", table.fiscal_year(), "/targets");
}

}  // namespace jixiao::report_id
