#include "services/query/logic/member_filter.h"

#include <algorithm>

#include "services/query/logic/report_ids.h"

namespace jixiao::query {

MemberFilter::MemberFilter(CohortPlan plan, absl::Span<const std::string> district_codes,
                           jixiao::v1::ReportKind report_kind, int fiscal_year)
    : plan_(std::move(plan)),
      district_codes_(district_codes.begin(), district_codes.end()),
      report_kind_(report_kind),
      fiscal_year_(fiscal_year) {
  std::sort(district_codes_.begin(), district_codes_.end());
}

bool MemberFilter::Admits(absl::string_view report_id,
                          const jixiao::v1::Department& department) const {
  if (!plan_.Admits(department)) return false;
  if (!district_codes_.empty() &&
      !std::binary_search(district_codes_.begin(), district_codes_.end(),
                          department.district().code())) {
    return false;
  }
  // A report's id says its kind, department and year (ingest derives it from them).
  return IsReportOf(report_id, report_kind_, department.code(), fiscal_year_);
}

}  // namespace jixiao::query
