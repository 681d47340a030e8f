#include "tools/jixiao/trend_command.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/trend_table.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

std::string Usage() {
  return absl::StrCat("usage: jixiao trend DEPT_CODE [--from YEAR] [--to YEAR] ", kSchemeUsage,
                      " [--json]\n"
                      "A department's recomputed and declared scores year by year (default: every "
                      "year stored).\n",
                      SchemeHelp(), EndpointUsage(kQueryEndpoint));
}

// An absent bound is 0, which the request reads as open.
absl::StatusOr<int> OptionalYear(const ParsedCommandLine& cl, const std::string& name) {
  if (cl.Option(name).empty()) return 0;
  return ParseYear("--" + name, cl.Option(name));
}

}  // namespace

int RunTrend(const std::vector<std::string>& args) {
  std::set<std::string> options = EndpointOptions(kQueryEndpoint);
  options.insert({"scheme", "from", "to"});
  ParsedCommandLine cl;
  if (auto exit = ParseOrExit("trend", args, options, {"json"}, Usage(), cl)) return *exit;
  if (cl.arguments.size() != 1 || cl.arguments[0].empty()) {
    return UsageError("trend", absl::InvalidArgumentError("takes one DEPT_CODE"), Usage());
  }
  auto from = OptionalYear(cl, "from");
  auto to = OptionalYear(cl, "to");
  auto scheme = SchemeFromOptions(cl);
  auto endpoint = ResolveEndpoint(cl, kQueryEndpoint);
  for (const absl::Status& status :
       {from.status(), to.status(), scheme.status(), endpoint.status()}) {
    if (!status.ok()) return UsageError("trend", status, Usage());
  }
  if (*from > 0 && *to > 0 && *from > *to) {
    return UsageError("trend", absl::InvalidArgumentError("--from is after --to"), Usage());
  }

  jixiao::v1::TrendRequest request;
  request.set_department_code(cl.arguments[0]);
  if (scheme->has_value()) *request.mutable_scheme() = **scheme;
  request.set_from_year(*from);
  request.set_to_year(*to);
  return CallQueryService<jixiao::v1::TrendResponse>(
      *endpoint, cl.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.Trend(context, request, response);
      },
      PrintTrend);
}

}  // namespace jixiao::cli
