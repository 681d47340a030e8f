#include "tools/jixiao/ranking_command.h"

#include "common/platform/options/option_checks.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/ranking_table.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {
namespace {

// Without --top or --around, the first ten; with --around, three either side.
constexpr int kDefaultTop = 10;
constexpr int kDefaultAroundK = 3;
// The ranking sets hold every department of a cohort; more than this is no
// longer a "top" but an export, for which compare --json is the tool.
constexpr int kMaxTop = 1000;
constexpr int kMaxAroundK = 100;

}  // namespace

int RunRanking(const std::vector<std::string>& args) {
  OptionSet options("jixiao ranking",
                    "The top N departments of a cohort by recomputed total, and/or the K either "
                    "side of one department.");
  jixiao::v1::RankingRequest request;
  int year = 0;
  AddYear(options, "--year", year, "fiscal year")->required();
  int top = kDefaultTop;
  CLI::Option* top_option =
      options.Add("--top", top, "the first N (with --around: only when given)")
          ->type_name("N")
          ->check(options::IntInRange(1, kMaxTop));
  std::string around;
  options.Add("--around", around, "the department whose neighbours to show")->type_name("CODE");
  int k = kDefaultAroundK;
  CLI::Option* k_option = options.Add("--k", k, "neighbours either side of --around")
                              ->type_name("K")
                              ->check(options::IntInRange(1, kMaxAroundK));
  std::optional<jixiao::v1::Cohort> cohort;
  AddCohort(options, cohort);
  QueryCommandOptions query;
  AddQueryCommandOptions(options, query);
  if (auto exit = ParseCommand(options, args)) return *exit;
  if (k_option->count() > 0 && around.empty()) return UsageError(options, "--k needs --around");

  request.set_fiscal_year(year);
  if (query.scheme) *request.mutable_scheme() = *query.scheme;
  if (cohort) *request.mutable_cohort() = *cohort;
  request.set_top_n(around.empty() || top_option->count() > 0 ? top : 0);
  if (!around.empty()) {
    request.set_around_department_code(around);
    request.set_around_k(k);
  }
  return CallQueryService<jixiao::v1::RankingResponse>(
      query,
      [&](auto& stub, auto* context, auto* response) {
        return stub.Ranking(context, request, response);
      },
      [&](const jixiao::v1::RankingResponse& response, std::ostream& out) {
        PrintRanking(response, around, out);
      });
}

}  // namespace jixiao::cli
