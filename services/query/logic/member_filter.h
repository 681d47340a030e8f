#pragma once
// Which reports of a year's candidates a comparison keeps: those in the
// cohort, in one of the requested districts (department.district.code), and
// of the kind the scheme scores: a department scheme ranks department
// self-evaluations only, a project scheme every project self-evaluation of
// the year (many per department), an evaluation scheme the evaluations.
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/report.pb.h"
#include "services/query/logic/cohort_plan.h"

namespace jixiao::query {

class MemberFilter {
 public:
  // Empty `district_codes`: every district. REPORT_KIND_UNSPECIFIED: any kind.
  MemberFilter(CohortPlan plan, absl::Span<const std::string> district_codes,
               jixiao::v1::ReportKind report_kind, int fiscal_year);

  // `report_id` is the report's, `department` the department it is of.
  bool Admits(absl::string_view report_id, const jixiao::v1::Department& department) const;

 private:
  CohortPlan plan_;
  std::vector<std::string> district_codes_;  // sorted
  jixiao::v1::ReportKind report_kind_;
  int fiscal_year_;
};

}  // namespace jixiao::query
