#include "services/query/scoring_client.h"

#include "absl/strings/str_cat.h"
#include "common/platform/server/grpc_status.h"
#include "services/query/score_report_fan_out.h"

namespace jixiao::query {

ScoringClient::ScoringClient(std::shared_ptr<grpc::Channel> channel, int max_in_flight)
    : stub_(jixiao::v1::ScoringService::NewStub(std::move(channel))),
      max_in_flight_(max_in_flight) {}

std::vector<absl::StatusOr<jixiao::v1::ScoreReportResponse>> ScoringClient::ScoreReports(
    const QueryCall& call, const std::vector<jixiao::v1::ScoreReportRequest>& requests) {
  std::vector<ScoreReportOutcome> outcomes =
      ScoreReportsConcurrently(*stub_, call, requests, max_in_flight_);
  std::vector<absl::StatusOr<jixiao::v1::ScoreReportResponse>> results;
  results.reserve(outcomes.size());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].status.ok()) {
      results.push_back(std::move(outcomes[i].response));
      continue;
    }
    const jixiao::v1::ReportRef& report = requests[i].report();
    results.push_back(
        absl::Status(server::FromGrpcStatus(outcomes[i].status).code(),
                     absl::StrCat("scoring ", report.report_id(),
                                  report.version() > 0 ? absl::StrCat("@", report.version()) : "",
                                  ": ", outcomes[i].status.error_message())));
  }
  return results;
}

absl::StatusOr<jixiao::v1::ListSchemesResponse> ScoringClient::ListSchemes(const QueryCall& call) {
  std::unique_ptr<grpc::ClientContext> context = call.NewDownstreamContext();
  jixiao::v1::ListSchemesResponse response;
  const grpc::Status status =
      stub_->ListSchemes(context.get(), jixiao::v1::ListSchemesRequest(), &response);
  if (!status.ok()) {
    return absl::Status(server::FromGrpcStatus(status).code(),
                        absl::StrCat("scoring ListSchemes: ", status.error_message()));
  }
  return response;
}

}  // namespace jixiao::query
