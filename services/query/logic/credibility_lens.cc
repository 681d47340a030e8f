#include "services/query/logic/credibility_lens.h"

#include <map>
#include <string>
#include <utility>

#include "services/query/logic/aggregate_outturn.h"

namespace jixiao::query {
namespace {

OutturnYear OutturnOf(const jixiao::v1::ComparisonRow& row) {
  OutturnYear year;
  year.fiscal_year = row.fiscal_year();
  if (row.has_budget_outturn_percent()) year.outturn_percent = row.budget_outturn_percent();
  return year;
}

}  // namespace

std::vector<jixiao::v1::DepartmentCredibility> AssessCredibility(
    absl::Span<const jixiao::v1::ComparisonRow> current,
    absl::Span<const jixiao::v1::ComparisonRow> earlier, int fiscal_year) {
  std::multimap<std::string, const jixiao::v1::ComparisonRow*> earlier_by_department;
  for (const jixiao::v1::ComparisonRow& row : earlier) {
    earlier_by_department.emplace(row.department().code(), &row);
  }
  std::vector<jixiao::v1::DepartmentCredibility> lens;
  lens.reserve(current.size());
  for (const jixiao::v1::ComparisonRow& row : current) {
    jixiao::v1::DepartmentCredibility out;
    *out.mutable_department() = row.department();
    out.set_report_id(row.report_id());
    if (row.has_budget_execution_percent()) {
      out.set_execution_percent(row.budget_execution_percent());
    }
    if (row.has_budget_adjustment_percent()) {
      out.set_adjustment_percent(row.budget_adjustment_percent());
    }

    std::vector<OutturnYear> years = {OutturnOf(row)};
    const auto [first, last] = earlier_by_department.equal_range(row.department().code());
    for (auto it = first; it != last; ++it) years.push_back(OutturnOf(*it->second));
    const OutturnGrade grade = GradeAggregateOutturn(years, fiscal_year);
    for (const OutturnYear& year : grade.years) {
      jixiao::v1::OutturnYear* out_year = out.add_outturn_years();
      out_year->set_fiscal_year(year.fiscal_year);
      if (year.outturn_percent) out_year->set_outturn_percent(*year.outturn_percent);
    }
    out.set_outturn_grade(grade.grade);
    out.set_outturn_not_graded_reason(grade.not_graded_reason);

    const jixiao::v1::InflationSignals& signals = row.signals();
    out.set_claimed_outruns_spending(signals.outruns_spending());
    if (signals.has_indicator_score_rate()) {
      out.set_indicator_score_rate(signals.indicator_score_rate());
    }
    if (signals.has_budget_execution_rate()) {
      out.set_budget_execution_rate(signals.budget_execution_rate());
    }
    if (row.has_declared_total()) out.set_declared_total(row.declared_total());
    out.set_total(row.total());
    out.set_complete(row.complete());
    lens.push_back(std::move(out));
  }
  return lens;
}

}  // namespace jixiao::query
