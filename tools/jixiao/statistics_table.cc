#include "tools/jixiao/statistics_table.h"

#include <string>

#include "absl/strings/str_format.h"
#include "tools/jixiao/comparison_cells.h"
#include "tools/jixiao/freshness_text.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {
namespace {

std::string SummaryLine(const jixiao::v1::ScoreSummary& summary) {
  return absl::StrFormat("n=%d mean=%.2f min=%.2f q1=%.2f median=%.2f q3=%.2f max=%.2f",
                         summary.count(), summary.mean(), summary.min(), summary.q1(),
                         summary.median(), summary.q3(), summary.max());
}

}  // namespace

void PrintStatistics(const jixiao::v1::CohortStatisticsResponse& response, std::ostream& out) {
  out << response.fiscal_year() << ": " << response.cohort_size() << " departments, "
      << response.incomplete() << " incomplete (not counted)\n";
  if (response.has_totals()) out << "scores " << SummaryLine(response.totals()) << "\n";
  if (response.has_previous_totals()) {
    out << response.fiscal_year() - 1 << "   " << SummaryLine(response.previous_totals()) << "\n";
  }
  if (response.grades_size() > 0) {
    out << "grades";
    for (const jixiao::v1::GradeCount& grade : response.grades()) {
      out << " " << grade.grade() << "=" << grade.count();
    }
    out << "\n";
  }
  TextTable table({"排名", "代码", "部门", "重算得分", "百分位", "同比", "名次变化", "完整性"});
  for (const jixiao::v1::DepartmentStanding& standing : response.departments()) {
    table.AddRow({
        standing.rank() > 0 ? std::to_string(standing.rank()) : kNoValue,
        standing.department_code(),
        standing.department_name(),
        PointsCell(standing.total()),
        standing.has_percentile() ? absl::StrFormat("%.1f", standing.percentile()) : kNoValue,
        standing.has_change() ? absl::StrFormat("%+.2f", standing.change()) : kNoValue,
        standing.has_rank_movement() ? absl::StrFormat("%+d", standing.rank_movement()) : kNoValue,
        standing.complete()
            ? "完整"
            : "缺 " + (standing.missing().empty() ? std::string("?") : standing.missing(0)),
    });
  }
  table.Print(out);
  jixiao::v1::Freshness freshness = response.freshness();
  if (freshness.scheme().id().empty() && response.has_scheme()) {
    *freshness.mutable_scheme() = response.scheme();
  }
  out << FreshnessFooter(freshness) << "\n";
}

}  // namespace jixiao::cli
