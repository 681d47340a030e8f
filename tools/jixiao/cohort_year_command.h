#pragma once
// What the commands that compare a cohort in one year share (compare,
// statistics, credibility): --year (required), --district (repeatable),
// --scheme, the cohort options and the query endpoint, parsed and checked.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/command_line.h"
#include "tools/jixiao/grpc_channel.h"

namespace jixiao::cli {

struct CohortYearOptions {
  int year = 0;
  std::vector<std::string> district_codes;
  std::optional<jixiao::v1::SchemeRef> scheme;
  std::optional<jixiao::v1::Cohort> cohort;
  ServiceEndpoint endpoint;
  ParsedCommandLine command_line;  // for the command's own flags
};

// The options, or the exit code when parsing ended the command (usage shown,
// or an error printed). `own_options` and `flags` are the command's own
// options and flags besides the shared ones and --json; their values are in
// out.command_line.
std::optional<int> ParseCohortYearCommand(const std::string& command,
                                          const std::vector<std::string>& args,
                                          const std::set<std::string>& own_options,
                                          const std::set<std::string>& flags,
                                          const std::string& usage, CohortYearOptions& out);

// The request fields every cohort-year request has.
template <typename Request>
void FillCohortYearRequest(const CohortYearOptions& options, Request& request) {
  request.set_fiscal_year(options.year);
  for (const std::string& district : options.district_codes) request.add_district_codes(district);
  if (options.scheme) *request.mutable_scheme() = *options.scheme;
  if (options.cohort) *request.mutable_cohort() = *options.cohort;
}

}  // namespace jixiao::cli
