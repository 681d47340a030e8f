#include "tools/jixiao/score_year_command.h"

#include <grpcpp/client_context.h>

#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/json_output.h"
#include "tools/jixiao/query_request_options.h"
#include "tools/jixiao/score_year_output.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

// The variable the other services find scoring by.
constexpr EndpointSpec kScoringEndpoint{"scoring", "scoring", "JIXIAO_SCORING_ADDRESS",
                                        "localhost:50052"};

// One call scores a whole year: the deadline is the run's, not a single
// answer's, so it is far longer than the other commands' default.
constexpr absl::Duration kDefaultRunTimeout = absl::Hours(1);

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao score-year --year YEAR [--scheme ID[@VERSION]] [--json]\n"
      "Scores every stored report of a year (latest versions) under one scheme through\n"
      "ScoringService.ScoreYear, filling the scorecard cache and the rankings, e.g. after a\n"
      "bulk load or a new scheme version. Progress and failed reports go to stderr, the\n"
      "summary to stdout.\n",
      OptionHelp("--scheme ID[@VERSION]",
                 "scoring scheme (default: the scoring service's default, latest version)"),
      OptionHelp("--json", "print the summary as JSON, every failure named in it"),
      OptionHelp("--scoring HOST:PORT",
                 absl::StrCat("the scoring service (default $", kScoringEndpoint.env, ", else ",
                              kScoringEndpoint.fallback, ")")),
      OptionHelp("--timeout SECONDS", absl::StrCat("deadline of the whole run (default ",
                                                   absl::ToInt64Seconds(kDefaultRunTimeout), ")")));
}

}  // namespace

int RunScoreYear(const std::vector<std::string>& args, const ScoreYearStreams& streams) {
  std::set<std::string> options = EndpointOptions(kScoringEndpoint);
  options.insert({"year", "scheme"});
  ParsedCommandLine cl;
  if (auto exit = ParseOrExit("score-year", args, options, {"json"}, Usage(), cl, streams.out,
                              streams.err)) {
    return *exit;
  }
  if (!cl.arguments.empty()) {
    return UsageError("score-year", absl::InvalidArgumentError("takes no arguments"), Usage(),
                      streams.err);
  }
  if (cl.Option("year").empty()) {
    return UsageError("score-year", absl::InvalidArgumentError("--year is required"), Usage(),
                      streams.err);
  }
  auto year = ParseYear("--year", cl.Option("year"));
  auto scheme = SchemeFromOptions(cl);
  auto endpoint = ResolveEndpoint(cl, kScoringEndpoint);
  for (const absl::Status& status : {year.status(), scheme.status(), endpoint.status()}) {
    if (!status.ok()) return UsageError("score-year", status, Usage(), streams.err);
  }
  if (cl.options.count("timeout") == 0) endpoint->timeout = kDefaultRunTimeout;

  jixiao::v1::ScoreYearRequest request;
  request.set_fiscal_year(*year);
  if (scheme->has_value()) *request.mutable_scheme() = **scheme;
  auto stub = jixiao::v1::ScoringService::NewStub(OpenChannel(*endpoint));
  grpc::ClientContext context;
  SetDeadline(*endpoint, context);
  std::unique_ptr<grpc::ClientReader<jixiao::v1::ScoreYearProgress>> reader =
      stub->ScoreYear(&context, request);
  ScoreYearOutcome outcome;
  jixiao::v1::ScoreYearProgress progress;
  while (reader->Read(&progress)) {
    outcome.Add(progress);
    for (const jixiao::v1::ScoreYearFailure& failure : progress.failures()) {
      streams.err << FailureLine(failure) << "\n";
    }
    if (!progress.done()) streams.err << ProgressLine(progress) << "\n";
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) {
    PrintCallFailure(*endpoint, status, streams.err);
    return kExitFailure;
  }
  if (!outcome.done()) {
    streams.err << "jixiao: " << endpoint->service << " service at " << endpoint->address
                << " ended ScoreYear without its last message\n";
    return kExitFailure;
  }
  if (cl.Flag("json")) {
    streams.out << ToStableJson(outcome.total());
  } else {
    PrintScoreYearSummary(outcome.total(), streams.out);
  }
  streams.out.flush();
  return streams.out && outcome.total().failed() == 0 ? kExitOk : kExitFailure;
}

int RunScoreYear(const std::vector<std::string>& args) {
  return RunScoreYear(args, ScoreYearStreams{std::cout, std::cerr});
}

}  // namespace jixiao::cli
