#include "services/query/logic/cohort_statistics.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace jixiao::query {

double Quantile(absl::Span<const double> ascending, double p) {
  const double h = static_cast<double>(ascending.size() - 1) * p;
  const size_t below = static_cast<size_t>(std::floor(h));
  if (below + 1 >= ascending.size()) return ascending.back();
  return ascending[below] +
         (h - static_cast<double>(below)) * (ascending[below + 1] - ascending[below]);
}

double PercentileRank(double total, absl::Span<const double> ascending) {
  if (ascending.empty()) return 0;
  const auto lower = std::lower_bound(ascending.begin(), ascending.end(), total);
  const auto upper = std::upper_bound(lower, ascending.end(), total);
  const double below = static_cast<double>(lower - ascending.begin());
  const double equal = static_cast<double>(upper - lower);
  return 100.0 * (below + 0.5 * equal) / static_cast<double>(ascending.size());
}

std::vector<double> CompleteTotals(absl::Span<const jixiao::v1::ComparisonRow> rows) {
  std::vector<double> totals;
  totals.reserve(rows.size());
  for (const jixiao::v1::ComparisonRow& row : rows) {
    if (row.complete()) totals.push_back(row.total());
  }
  std::sort(totals.begin(), totals.end());
  return totals;
}

CohortStatistics SummarizeCohort(absl::Span<const jixiao::v1::ComparisonRow> rows) {
  CohortStatistics statistics;
  for (const jixiao::v1::ComparisonRow& row : rows) {
    if (!row.complete()) {
      ++statistics.incomplete;
      continue;
    }
    if (!row.grade().empty()) ++statistics.grades[row.grade()];
    ++statistics.colours[row.colour()];
  }
  const std::vector<double> totals = CompleteTotals(rows);
  if (totals.empty()) return statistics;
  ScoreDistribution distribution;
  distribution.count = static_cast<int>(totals.size());
  double sum = 0;
  for (double total : totals) sum += total;
  distribution.mean = sum / static_cast<double>(totals.size());
  distribution.min = totals.front();
  distribution.q1 = Quantile(totals, 0.25);
  distribution.median = Quantile(totals, 0.5);
  distribution.q3 = Quantile(totals, 0.75);
  distribution.max = totals.back();
  statistics.totals = distribution;
  return statistics;
}

std::vector<YearOverYear> CompareYears(absl::Span<const jixiao::v1::ComparisonRow> previous,
                                       absl::Span<const jixiao::v1::ComparisonRow> current) {
  std::unordered_map<std::string, const jixiao::v1::ComparisonRow*> last_year;
  for (const jixiao::v1::ComparisonRow& row : previous) {
    last_year.emplace(row.department().code(), &row);
  }
  std::vector<YearOverYear> changes;
  changes.reserve(current.size());
  for (const jixiao::v1::ComparisonRow& row : current) {
    YearOverYear change;
    change.department_code = row.department().code();
    const auto found = last_year.find(change.department_code);
    if (found != last_year.end()) {
      const jixiao::v1::ComparisonRow& before = *found->second;
      if (before.complete() && row.complete()) change.change = row.total() - before.total();
      if (before.rank() > 0 && row.rank() > 0) change.rank_movement = before.rank() - row.rank();
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace jixiao::query
