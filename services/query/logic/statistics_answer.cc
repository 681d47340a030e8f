#include "services/query/logic/statistics_answer.h"

#include <algorithm>

#include "services/query/logic/cohort_statistics.h"

namespace jixiao::query {
namespace {

void FillSummary(const ScoreDistribution& from, jixiao::v1::ScoreSummary* to) {
  to->set_count(from.count);
  to->set_mean(from.mean);
  to->set_min(from.min);
  to->set_q1(from.q1);
  to->set_median(from.median);
  to->set_q3(from.q3);
  to->set_max(from.max);
}

}  // namespace

void FillCohortStatistics(absl::Span<const jixiao::v1::ComparisonRow> current,
                          absl::Span<const jixiao::v1::ComparisonRow> previous,
                          absl::Span<const std::string> department_codes,
                          jixiao::v1::CohortStatisticsResponse* response) {
  response->set_cohort_size(static_cast<int32_t>(current.size()));
  const CohortStatistics statistics = SummarizeCohort(current);
  if (statistics.totals) FillSummary(*statistics.totals, response->mutable_totals());
  response->set_incomplete(statistics.incomplete);
  for (const auto& [grade, count] : statistics.grades) {
    jixiao::v1::GradeCount* out = response->add_grades();
    out->set_grade(grade);
    out->set_count(count);
  }
  for (const auto& [colour, count] : statistics.colours) {
    jixiao::v1::ColourCount* out = response->add_colours();
    out->set_colour(colour);
    out->set_count(count);
  }
  if (std::optional<ScoreDistribution> before = SummarizeCohort(previous).totals) {
    FillSummary(*before, response->mutable_previous_totals());
  }

  const std::vector<double> totals = CompleteTotals(current);
  const std::vector<YearOverYear> changes = CompareYears(previous, current);
  for (size_t i = 0; i < current.size(); ++i) {
    const jixiao::v1::ComparisonRow& row = current[i];
    const std::string& code = row.department().code();
    if (!department_codes.empty() && std::find(department_codes.begin(), department_codes.end(),
                                               code) == department_codes.end()) {
      continue;
    }
    jixiao::v1::DepartmentStanding* standing = response->add_departments();
    standing->set_department_code(code);
    standing->set_department_name(row.department().name());
    standing->set_report_id(row.report_id());
    standing->set_total(row.total());
    standing->set_complete(row.complete());
    *standing->mutable_missing() = row.missing();
    standing->set_rank(row.rank());
    if (row.complete()) standing->set_percentile(PercentileRank(row.total(), totals));
    if (changes[i].change) standing->set_change(*changes[i].change);
    if (changes[i].rank_movement) standing->set_rank_movement(*changes[i].rank_movement);
    if (row.has_declared_total()) standing->set_declared_total(row.declared_total());
  }
}

}  // namespace jixiao::query
