#include "tools/jixiao/trend_command.h"

#include "tools/jixiao/command_options.h"
#include "tools/jixiao/trend_table.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {

int RunTrend(const std::vector<std::string>& args) {
  OptionSet options("jixiao trend",
                    "A department's recomputed and declared scores year by year (default: every "
                    "year stored).");
  std::string department_code;
  options.AddArguments("DEPT_CODE", department_code, "the department")->required();
  // An absent bound is 0, which the request reads as open.
  jixiao::v1::TrendRequest request;
  int from = 0;
  int to = 0;
  AddYear(options, "--from", from, "first year");
  AddYear(options, "--to", to, "last year");
  QueryCommandOptions query;
  AddQueryCommandOptions(options, query);
  if (auto exit = ParseCommand(options, args)) return *exit;
  if (department_code.empty()) return UsageError(options, "DEPT_CODE is empty");
  if (from > 0 && to > 0 && from > to) return UsageError(options, "--from is after --to");

  request.set_department_code(department_code);
  if (query.scheme) *request.mutable_scheme() = *query.scheme;
  request.set_from_year(from);
  request.set_to_year(to);
  return CallQueryService<jixiao::v1::TrendResponse>(
      query,
      [&](auto& stub, auto* context, auto* response) {
        return stub.Trend(context, request, response);
      },
      PrintTrend);
}

}  // namespace jixiao::cli
