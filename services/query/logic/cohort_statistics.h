#pragma once
// Statistics of a cohort's scores in one year under one scheme: the figures a
// finance bureau reads beside a ranking. Only complete scorecards enter the
// score statistics; incomplete ones are counted apart, never as zero (their
// totals leave out what could not be scored).
//
// Definitions, chosen to be reproducible with any spreadsheet:
//   - quantiles interpolate linearly between the closest ranks (R's type 7,
//     Excel's QUARTILE.INC): q(p) = x[h] + (h - floor h)(x[h+1] - x[h]) with
//     h = (n - 1) p over the ascending totals x[0..n-1];
//   - a department's percentile is the mid-rank percentile: the share of
//     totals below its own plus half the share equal to it, in percent, so
//     that tied departments share one percentile and a cohort's percentiles
//     average 50.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

struct ScoreDistribution {
  int count = 0;
  double mean = 0;
  double min = 0;
  double q1 = 0;
  double median = 0;
  double q3 = 0;
  double max = 0;
};

struct CohortStatistics {
  // Over the complete rows; nullopt when none is complete.
  std::optional<ScoreDistribution> totals;
  int incomplete = 0;
  // Complete rows by grade ("优") and by colour.
  std::map<std::string, int> grades;
  std::map<jixiao::v1::Colour, int> colours;
};

CohortStatistics SummarizeCohort(absl::Span<const jixiao::v1::ComparisonRow> rows);

// The p-quantile (0 ≤ p ≤ 1) of `ascending`, which must not be empty.
double Quantile(absl::Span<const double> ascending, double p);

// The mid-rank percentile of `total` among `ascending` (which need not hold it).
double PercentileRank(double total, absl::Span<const double> ascending);

// The ascending totals of the complete rows.
std::vector<double> CompleteTotals(absl::Span<const jixiao::v1::ComparisonRow> rows);

// One department's change from one year to the next.
struct YearOverYear {
  std::string department_code;
  // Total this year minus last year; only when both years are complete.
  std::optional<double> change;
  // Last year's rank minus this year's (positive: moved up); only when ranked
  // both years, in cohorts ranked by RankRows.
  std::optional<int> rank_movement;
};

// For every department of `current`, in its order, against its row in
// `previous` (matched by department code); rows must carry their ranks.
std::vector<YearOverYear> CompareYears(absl::Span<const jixiao::v1::ComparisonRow> previous,
                                       absl::Span<const jixiao::v1::ComparisonRow> current);

}  // namespace jixiao::query
