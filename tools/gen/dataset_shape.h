#pragma once
// What a synthetic dataset contains: how many divisions, departments and
// years, and how often the flaws real reports show appear in it. Reports are
// addressed by (division, department, year); each is generated from its
// address and the seed alone.
#include <cstdint>

#include "absl/status/status.h"

namespace jixiao::gen {

struct DatasetShape {
  uint64_t seed = 1;
  int divisions = 11;  // county-level divisions (districts, counties) and cities
  int departments_per_division = 40;
  int first_year = 2019;
  int years = 5;

  // Shares seen in the seed reports and in published ones like them.
  // Of quantitative indicators, completed above 150% of target (their target
  // set too low: the Guangzhou scheme halves their points).
  double over_completion_share = 0.08;
  // Of indicators, printed with no actual value.
  double missing_actual_share = 0.03;
  // Of reports, whose stated execution rate disagrees with their own budget figures.
  double inconsistent_figures_share = 0.05;
  // Of departments, that tend to declare more than their figures support.
  double over_claiming_share = 0.3;
  // Of special funds not fully met, whose report lists no fund indicators: the
  // fund's points cannot be recomputed and the department's total is incomplete.
  double unlisted_fund_share = 0.1;
};

absl::Status CheckShape(const DatasetShape& shape);

int64_t ReportCount(const DatasetShape& shape);

struct ReportAddress {
  int division = 0;    // 0-based
  int department = 0;  // 0-based, into DepartmentTypes()
  int year = 0;        // the fiscal year itself
};

// Reports are numbered year by year, then division by division, so a prefix
// of the numbering holds whole years: index 0 .. ReportCount-1.
ReportAddress AddressAt(const DatasetShape& shape, int64_t index);

}  // namespace jixiao::gen
