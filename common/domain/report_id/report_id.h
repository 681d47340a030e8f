#pragma once
// The report id format, in one place. Validation checks a submitted id against it
// and normalization fills it in; the cache layout files each
// report under its kind's cohorts by reading the kind back out of the id
// (cache_keys.h); query names a department's report of a year with it.
//
//   <department code>/<fiscal year>/department                  部门整体支出绩效自评
//   <department code>/<fiscal year>/project/<project code>      项目支出绩效自评
//   <department code>/<fiscal year>/evaluation/<project code>   重点绩效评价, 再评价
//
// A department code is "<division code>:<slug>" and a project code is
// lower-case letters, digits, '-' and '_': neither holds a '/', so the id
// splits on '/' unambiguously.
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::report_id {

// "department", "project" or "evaluation": the kind's segment of an id. An
// unspecified kind is a department's, as it was before reports had kinds.
absl::string_view KindSegment(jixiao::v1::ReportKind kind);

// The id of a report. `project_code` is ignored for a department
// self-evaluation, and is the last segment for the other kinds.
std::string Format(absl::string_view department_code, int fiscal_year, jixiao::v1::ReportKind kind,
                   absl::string_view project_code);

// The id of `report` (its report_id field is not read).
std::string Of(const jixiao::v1::EvaluationReport& report);

// The id of a project target table: "<department code>/<fiscal year>/targets"
// (its table_id field is not read).
std::string OfTargetTable(const jixiao::v1::ProjectTargetTable& table);

struct Parts {
  std::string department_code;
  int fiscal_year = 0;
  jixiao::v1::ReportKind kind = jixiao::v1::REPORT_KIND_UNSPECIFIED;
  // Empty for a department self-evaluation.
  std::string project_code;
};

// INVALID_ARGUMENT for an id Format cannot produce.
absl::StatusOr<Parts> Parse(absl::string_view id);

}  // namespace jixiao::report_id
