#include "tools/jixiao/statistics_command.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/statistics_table.h"

namespace jixiao::cli {
namespace {

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao statistics --year YEAR [--department CODE]… [--district CODE]… ", kSchemeUsage,
      " [--json]\n", "                         ", kCohortUsage, "\n",
      "A cohort's recomputed scores in one year: mean, quartiles, grades and colours, and\n"
      "each department's rank, mid-rank percentile and change from the year before\n"
      "(only the departments named by --department, when given).\n",
      SchemeHelp(), CohortHelp(), EndpointUsage(kQueryEndpoint));
}

}  // namespace

int RunStatistics(const std::vector<std::string>& args) {
  CohortYearOptions options;
  if (auto exit =
          ParseCohortYearCommand("statistics", args, {"department"}, {}, Usage(), options)) {
    return *exit;
  }
  jixiao::v1::CohortStatisticsRequest request;
  FillCohortYearRequest(options, request);
  for (const std::string& code : options.command_line.Options("department")) {
    request.add_department_codes(code);
  }
  return CallQueryService<jixiao::v1::CohortStatisticsResponse>(
      options.endpoint, options.command_line.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.CohortStatistics(context, request, response);
      },
      PrintStatistics);
}

}  // namespace jixiao::cli
