#include "services/query/logic/report_ids.h"

#include "common/domain/report_id/report_id.h"

namespace jixiao::query {

bool OnePerDepartmentAndYear(jixiao::v1::ReportKind kind) {
  return kind == jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION ||
         kind == jixiao::v1::REPORT_KIND_UNSPECIFIED;
}

std::string DepartmentReportId(absl::string_view department_code, int fiscal_year) {
  return report_id::Format(department_code, fiscal_year,
                           jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION, "");
}

bool IsReportOf(absl::string_view report_id, jixiao::v1::ReportKind kind,
                absl::string_view department_code, int fiscal_year) {
  absl::StatusOr<report_id::Parts> parts = report_id::Parse(report_id);
  if (!parts.ok()) return false;
  return (kind == jixiao::v1::REPORT_KIND_UNSPECIFIED || parts->kind == kind) &&
         parts->department_code == department_code && parts->fiscal_year == fiscal_year;
}

}  // namespace jixiao::query
