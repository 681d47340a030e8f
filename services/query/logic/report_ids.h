#pragma once
// Report ids as query needs them (the format is common/domain/report_id/report_id.h,
// which ingest derives ids with): the id of a department's self-evaluation, for
// requests that name a department rather than a report (Trend, Ranking's
// "around me", a listed cohort), and the kind an id says.
#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::query {

// A department has at most one report of `kind` a year, named by its code and
// the year: a self-evaluation of the department (or a scheme that names no
// kind, which scores department reports where it needs one id). Projects'
// self-evaluations and external evaluations are many a year, one per project.
bool OnePerDepartmentAndYear(jixiao::v1::ReportKind kind);

// "<department code>/<year>/department".
std::string DepartmentReportId(absl::string_view department_code, int fiscal_year);

// Whether `report_id` is a report of `kind` of that department and year;
// REPORT_KIND_UNSPECIFIED: of any kind. An id not in the format is of none.
bool IsReportOf(absl::string_view report_id, jixiao::v1::ReportKind kind,
                absl::string_view department_code, int fiscal_year);

}  // namespace jixiao::query
