#include "tools/jixiao/ranking_command.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/query_call.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/ranking_table.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

// Without --top or --around, the first ten; with --around, three either side.
constexpr int kDefaultTop = 10;
constexpr int kDefaultAroundK = 3;
// The ranking sets hold every department of a cohort; more than this is no
// longer a "top" but an export, for which compare --json is the tool.
constexpr int kMaxTop = 1000;
constexpr int kMaxAroundK = 100;

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao ranking --year YEAR [--top N] [--around CODE [--k K]] [--json]\n",
      "                      ", kSchemeUsage, " ", kCohortUsage, "\n",
      "The top N departments of a cohort by recomputed total (default ", kDefaultTop,
      "), and/or\nthe K either side of one department (default ", kDefaultAroundK, ").\n",
      SchemeHelp(), CohortHelp(), EndpointUsage(kQueryEndpoint));
}

}  // namespace

int RunRanking(const std::vector<std::string>& args) {
  std::set<std::string> options = EndpointOptions(kQueryEndpoint);
  options.insert(CohortOptions().begin(), CohortOptions().end());
  options.insert({"year", "scheme", "top", "around", "k"});
  ParsedCommandLine cl;
  if (auto exit = ParseOrExit("ranking", args, options, {"json"}, Usage(), cl)) return *exit;
  if (!cl.arguments.empty()) {
    return UsageError("ranking", absl::InvalidArgumentError("takes no arguments"), Usage());
  }
  if (cl.Option("year").empty()) {
    return UsageError("ranking", absl::InvalidArgumentError("--year is required"), Usage());
  }
  if (!cl.Option("k").empty() && cl.Option("around").empty()) {
    return UsageError("ranking", absl::InvalidArgumentError("--k needs --around"), Usage());
  }
  const bool around = !cl.Option("around").empty();
  const bool top_given = !cl.Option("top").empty();
  auto year = ParseYear("--year", cl.Option("year"));
  absl::StatusOr<int> top = top_given ? ParseIntOption("--top", cl.Option("top"), 1, kMaxTop)
                                      : absl::StatusOr<int>(around ? 0 : kDefaultTop);
  absl::StatusOr<int> k =
      around ? ParseIntOption("--k", cl.Option("k", absl::StrCat(kDefaultAroundK)), 1, kMaxAroundK)
             : absl::StatusOr<int>(0);
  auto scheme = SchemeFromOptions(cl);
  auto cohort = CohortFromOptions(cl);
  auto endpoint = ResolveEndpoint(cl, kQueryEndpoint);
  for (const absl::Status& status : {year.status(), top.status(), k.status(), scheme.status(),
                                     cohort.status(), endpoint.status()}) {
    if (!status.ok()) return UsageError("ranking", status, Usage());
  }

  jixiao::v1::RankingRequest request;
  request.set_fiscal_year(*year);
  if (scheme->has_value()) *request.mutable_scheme() = **scheme;
  if (cohort->has_value()) *request.mutable_cohort() = **cohort;
  request.set_top_n(*top);
  if (around) {
    request.set_around_department_code(cl.Option("around"));
    request.set_around_k(*k);
  }
  const std::string around_code = cl.Option("around");
  return CallQueryService<jixiao::v1::RankingResponse>(
      *endpoint, cl.Flag("json"),
      [&](auto& stub, auto* context, auto* response) {
        return stub.Ranking(context, request, response);
      },
      [&](const jixiao::v1::RankingResponse& response, std::ostream& out) {
        PrintRanking(response, around_code, out);
      });
}

}  // namespace jixiao::cli
