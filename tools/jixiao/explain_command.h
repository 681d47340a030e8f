#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace jixiao::cli {

// jixiao explain (REPORT_ID | DEPT_CODE YEAR) [--scheme ID[@V]] [--query HOST:PORT]
//                [--timeout S] [--json]
// QueryService.GetScoreCard for one report — a project's or an evaluation's by
// its id, a department's self-evaluation also by department and year: every
// group, line and sub-line with its points and reason, and the freshness.
int RunExplain(const std::vector<std::string>& args);

// "<DEPT_CODE>/<YEAR>/department": the id ingest derives for a department
// self-evaluation (common/domain/report_id/report_id.h).
std::string DepartmentReportId(const std::string& department_code, int year);

// The report id the arguments name: one report id, or a department code and a
// year. INVALID_ARGUMENT, naming the argument, for anything else.
absl::StatusOr<std::string> ExplainedReportId(const std::vector<std::string>& arguments);

}  // namespace jixiao::cli
