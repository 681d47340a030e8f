#include "tools/jixiao/score_year_command.h"

#include <grpcpp/client_context.h>

#include <iostream>
#include <memory>

#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/json_output.h"
#include "tools/jixiao/score_year_output.h"

namespace jixiao::cli {
namespace {

// The variable the other services find scoring by.
constexpr EndpointSpec kScoringEndpoint{"scoring", "scoring", "JIXIAO_SCORING_ADDRESS",
                                        "localhost:50052"};

// One call scores a whole year: the deadline is the run's, not a single
// answer's, so it is far longer than the other commands' default.
constexpr absl::Duration kDefaultRunTimeout = absl::Hours(1);

}  // namespace

int RunScoreYear(const std::vector<std::string>& args, const ScoreYearStreams& streams) {
  OptionSet options("jixiao score-year",
                    "Scores every stored report of a year (latest versions) under one scheme "
                    "through\nScoringService.ScoreYear, filling the scorecard cache and the "
                    "rankings, e.g. after a\nbulk load or a new scheme version. Progress and "
                    "failed reports go to stderr, the\nsummary to stdout.");
  int year = 0;
  AddYear(options, "--year", year, "fiscal year")->required();
  std::optional<jixiao::v1::SchemeRef> scheme;
  AddScheme(options, scheme, "the scoring service's default");
  bool json = false;
  options.AddFlag("--json", json, "print the summary as JSON, every failure named in it");
  ServiceEndpoint endpoint;
  endpoint.timeout = kDefaultRunTimeout;
  AddEndpoint(options, kScoringEndpoint, endpoint);
  if (auto exit = ParseCommand(options, args, streams.out, streams.err)) return *exit;

  jixiao::v1::ScoreYearRequest request;
  request.set_fiscal_year(year);
  if (scheme) *request.mutable_scheme() = *scheme;
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = OpenChannel(endpoint);
  if (!channel.ok()) {
    streams.err << "jixiao: " << channel.status().message() << "\n";
    return 2;
  }
  auto stub = jixiao::v1::ScoringService::NewStub(*channel);
  grpc::ClientContext context;
  SetDeadline(endpoint, context);
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
    PrintCallFailure(endpoint, status, streams.err);
    return kExitFailure;
  }
  if (!outcome.done()) {
    streams.err << "jixiao: " << endpoint.service << " service at " << endpoint.address
                << " ended ScoreYear without its last message\n";
    return kExitFailure;
  }
  if (json) {
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
