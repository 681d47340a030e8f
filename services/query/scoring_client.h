#pragma once
// The scoring service as query calls it. Owns the stub for the life of the
// service (channels and stubs are long-lived; see docs/architecture.md), and
// makes every call with the answering call's deadline (QueryCall).
#include <grpcpp/channel.h>

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "services/query/query_call.h"

namespace jixiao::query {

class ScoringClient {
 public:
  // `max_in_flight` (>= 1) bounds the concurrent ScoreReport calls of one query.
  ScoringClient(std::shared_ptr<grpc::Channel> channel, int max_in_flight);

  // One result per request, in order; the calls run concurrently. A failed
  // call keeps its gRPC code, and its message says which report it was for.
  std::vector<absl::StatusOr<jixiao::v1::ScoreReportResponse>> ScoreReports(
      const QueryCall& call, const std::vector<jixiao::v1::ScoreReportRequest>& requests);

  absl::StatusOr<jixiao::v1::ListSchemesResponse> ListSchemes(const QueryCall& call);

 private:
  const std::unique_ptr<jixiao::v1::ScoringService::Stub> stub_;
  const int max_in_flight_;
};

}  // namespace jixiao::query
