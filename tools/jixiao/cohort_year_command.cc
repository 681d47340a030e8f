#include "tools/jixiao/cohort_year_command.h"

#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {

std::optional<int> ParseCohortYearCommand(const std::string& command,
                                          const std::vector<std::string>& args,
                                          const std::set<std::string>& own_options,
                                          const std::set<std::string>& flags,
                                          const std::string& usage, CohortYearOptions& out) {
  std::set<std::string> options = own_options;
  const std::set<std::string> endpoint_options = EndpointOptions(kQueryEndpoint);
  options.insert(endpoint_options.begin(), endpoint_options.end());
  options.insert(CohortOptions().begin(), CohortOptions().end());
  options.insert({"year", "district", "scheme"});
  std::set<std::string> all_flags = flags;
  all_flags.insert("json");
  ParsedCommandLine& cl = out.command_line;
  if (auto exit = ParseOrExit(command, args, options, all_flags, usage, cl)) return exit;
  if (!cl.arguments.empty()) {
    return UsageError(command, absl::InvalidArgumentError("takes no arguments"), usage);
  }
  if (cl.Option("year").empty()) {
    return UsageError(command, absl::InvalidArgumentError("--year is required"), usage);
  }
  auto year = ParseYear("--year", cl.Option("year"));
  auto scheme = SchemeFromOptions(cl);
  auto cohort = CohortFromOptions(cl);
  auto endpoint = ResolveEndpoint(cl, kQueryEndpoint);
  for (const absl::Status& status :
       {year.status(), scheme.status(), cohort.status(), endpoint.status()}) {
    if (!status.ok()) return UsageError(command, status, usage);
  }
  out.year = *year;
  out.district_codes = cl.Options("district");
  out.scheme = *scheme;
  out.cohort = *cohort;
  out.endpoint = *endpoint;
  return std::nullopt;
}

}  // namespace jixiao::cli
