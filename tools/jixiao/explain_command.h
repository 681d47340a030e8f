#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao explain DEPT_CODE YEAR [--scheme ID[@V]] [--query HOST:PORT] [--timeout S] [--json]
// QueryService.GetScoreCard for the department's self-evaluation of that year:
// every group, line and sub-line with its points and reason, and the freshness.
int RunExplain(const std::vector<std::string>& args);

// "<DEPT_CODE>/<YEAR>/department": the id ingest derives for a department
// self-evaluation (ingest::DeriveReportId).
std::string DepartmentReportId(const std::string& department_code, int year);

}  // namespace jixiao::cli
