#include "tools/jixiao/compare_command.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/comparison_table.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao compare --year YEAR [--district CODE]… ", kSchemeUsage, " [--json]\n",
      "                      ", kCohortUsage, "\n",
      "Departments of every district (or of the districts named by their six-digit codes)\n"
      "re-scored under one scheme and ranked, each beside its own declared score.\n",
      SchemeHelp(), CohortHelp(), EndpointUsage(kQueryEndpoint));
}

}  // namespace

int RunCompare(const std::vector<std::string>& args) {
  std::set<std::string> options = EndpointOptions(kQueryEndpoint);
  options.insert(CohortOptions().begin(), CohortOptions().end());
  options.insert({"year", "district", "scheme"});
  ParsedCommandLine cl;
  if (auto exit = ParseOrExit("compare", args, options, {"json"}, Usage(), cl)) return *exit;
  if (!cl.arguments.empty()) {
    return UsageError("compare", absl::InvalidArgumentError("takes no arguments"), Usage());
  }
  if (cl.Option("year").empty()) {
    return UsageError("compare", absl::InvalidArgumentError("--year is required"), Usage());
  }
  auto year = ParseYear("--year", cl.Option("year"));
  auto scheme = SchemeFromOptions(cl);
  auto cohort = CohortFromOptions(cl);
  auto endpoint = ResolveEndpoint(cl, kQueryEndpoint);
  for (const absl::Status& status :
       {year.status(), scheme.status(), cohort.status(), endpoint.status()}) {
    if (!status.ok()) return UsageError("compare", status, Usage());
  }

  jixiao::v1::CompareRequest request;
  request.set_fiscal_year(*year);
  for (const std::string& district : cl.Options("district")) request.add_district_codes(district);
  if (scheme->has_value()) *request.mutable_scheme() = **scheme;
  if (cohort->has_value()) *request.mutable_cohort() = **cohort;
  return CallQueryService<jixiao::v1::CompareResponse>(
      *endpoint, cl.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.Compare(context, request, response);
      },
      PrintComparison);
}

}  // namespace jixiao::cli
