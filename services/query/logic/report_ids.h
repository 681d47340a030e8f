#pragma once
// The report id a department's report of a year has, for requests that name a
// department rather than a report (Trend, Ranking's "around me"). Ingest derives
// ids with DeriveReportId; this asks it rather than repeating the format.
#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::query {

// "<department code>/<year>/department" for a department self-evaluation (and
// for an unspecified kind), ".../project" for a project self-evaluation.
std::string ReportIdOf(absl::string_view department_code, int fiscal_year,
                       jixiao::v1::ReportKind kind);

}  // namespace jixiao::query
