#include "tools/jixiao/compare_command.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/comparison_table.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"

namespace jixiao::cli {
namespace {

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao compare --year YEAR [--district CODE]… ", kSchemeUsage,
      " [--shared-groups] [--json]\n", "                      ", kCohortUsage, "\n",
      "Departments of every district (or of the districts named by their six-digit codes)\n"
      "re-scored under one scheme and ranked, each beside its own declared score.\n"
      "  --shared-groups    compare only the groups every department scored in full,\n"
      "                     ranked by the percent of their maximum earned\n",
      SchemeHelp(), CohortHelp(), EndpointUsage(kQueryEndpoint));
}

}  // namespace

int RunCompare(const std::vector<std::string>& args) {
  CohortYearOptions options;
  if (auto exit =
          ParseCohortYearCommand("compare", args, {}, {"shared-groups"}, Usage(), options)) {
    return *exit;
  }
  jixiao::v1::CompareRequest request;
  FillCohortYearRequest(options, request);
  request.set_shared_groups_only(options.command_line.Flag("shared-groups"));
  return CallQueryService<jixiao::v1::CompareResponse>(
      options.endpoint, options.command_line.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.Compare(context, request, response);
      },
      PrintComparison);
}

}  // namespace jixiao::cli
