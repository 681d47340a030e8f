#pragma once
// What the commands that compare a cohort in one year share (compare,
// statistics, credibility): --year (required), --district (repeatable),
// --scheme, the cohort options, the query endpoint and --json.
#include <optional>
#include <string>
#include <vector>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/command_options.h"

namespace jixiao::cli {

struct CohortYearOptions {
  int year = 0;
  std::vector<std::string> district_codes;
  std::optional<jixiao::v1::Cohort> cohort;
  QueryCommandOptions query;
};

// Adds the shared options to `options`, bound to `out`, which must outlive it.
void AddCohortYearOptions(OptionSet& options, CohortYearOptions& out);

// The request fields every cohort-year request has.
template <typename Request>
void FillCohortYearRequest(const CohortYearOptions& options, Request& request) {
  request.set_fiscal_year(options.year);
  for (const std::string& district : options.district_codes) request.add_district_codes(district);
  if (options.query.scheme) *request.mutable_scheme() = *options.query.scheme;
  if (options.cohort) *request.mutable_cohort() = *options.cohort;
}

}  // namespace jixiao::cli
