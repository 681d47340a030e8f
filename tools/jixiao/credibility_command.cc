#include "tools/jixiao/credibility_command.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/credibility_table.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"

namespace jixiao::cli {
namespace {

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao credibility --year YEAR [--district CODE]… ", kSchemeUsage, " [--json]\n",
      "                          ", kCohortUsage, "\n",
      "The budget-credibility lens of a cohort's departments: execution and adjustment rates,\n"
      "aggregate outturn (final / initial budget) over the last three years graded A–D in the\n"
      "PEFA PI-1 style, and whether the claimed performance outruns the spending, beside the\n"
      "declared and recomputed scores.\n",
      SchemeHelp(), CohortHelp(), EndpointUsage(kQueryEndpoint));
}

}  // namespace

int RunCredibility(const std::vector<std::string>& args) {
  CohortYearOptions options;
  if (auto exit = ParseCohortYearCommand("credibility", args, {}, {}, Usage(), options))
    return *exit;
  jixiao::v1::BudgetCredibilityRequest request;
  FillCohortYearRequest(options, request);
  return CallQueryService<jixiao::v1::BudgetCredibilityResponse>(
      options.endpoint, options.command_line.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.BudgetCredibility(context, request, response);
      },
      PrintCredibility);
}

}  // namespace jixiao::cli
