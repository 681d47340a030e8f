#include "tools/jixiao/explain_command.h"

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/scorecard_text.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/freshness_text.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

std::string Usage() {
  return absl::StrCat("usage: jixiao explain DEPT_CODE YEAR ", kSchemeUsage,
                      " [--json]\n"
                      "The scorecard of a department's self-evaluation (report "
                      "DEPT_CODE/YEAR/department),\n"
                      "every point gained or lost with its reason.\n",
                      SchemeHelp(), EndpointUsage(kQueryEndpoint));
}

}  // namespace

std::string DepartmentReportId(const std::string& department_code, int year) {
  return absl::StrCat(department_code, "/", year, "/department");
}

int RunExplain(const std::vector<std::string>& args) {
  std::set<std::string> options = EndpointOptions(kQueryEndpoint);
  options.insert("scheme");
  ParsedCommandLine cl;
  if (auto exit = ParseOrExit("explain", args, options, {"json"}, Usage(), cl)) return *exit;
  if (cl.arguments.size() != 2 || cl.arguments[0].empty()) {
    return UsageError("explain", absl::InvalidArgumentError("takes DEPT_CODE and YEAR"), Usage());
  }
  auto year = ParseYear("YEAR", cl.arguments[1]);
  auto scheme = SchemeFromOptions(cl);
  auto endpoint = ResolveEndpoint(cl, kQueryEndpoint);
  for (const absl::Status& status : {year.status(), scheme.status(), endpoint.status()}) {
    if (!status.ok()) return UsageError("explain", status, Usage());
  }

  jixiao::v1::GetScoreCardRequest request;
  request.set_report_id(DepartmentReportId(cl.arguments[0], *year));
  if (scheme->has_value()) *request.mutable_scheme() = **scheme;
  return CallQueryService<jixiao::v1::GetScoreCardResponse>(
      *endpoint, cl.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.GetScoreCard(context, request, response);
      },
      [](const jixiao::v1::GetScoreCardResponse& response, std::ostream& out) {
        scoring::PrintScoreCard(response.scorecard(), out);
        out << FreshnessFooter(response.freshness()) << "\n";
      });
}

}  // namespace jixiao::cli
