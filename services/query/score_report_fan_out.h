#pragma once
// Many ScoreReport calls at once (a comparison's cache misses), with a bound
// on how many are in flight. The calls use gRPC's callback client API, so no
// thread waits per call; the worker-pool thread that answers the query starts
// them and waits for them all.
//
// Every call's ClientContext, request and response belong to the fan-out and
// live until that call's callback has run, even when the wait ends at the
// deadline: then the calls still running are cancelled, and their callbacks
// (which come promptly after a cancel) are awaited before anything is freed.
#include <vector>

#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "services/query/query_call.h"

namespace jixiao::query {

struct ScoreReportOutcome {
  grpc::Status status;
  jixiao::v1::ScoreReportResponse response;
};

// One outcome per request, in order. A request not started before the wait
// deadline fails with DEADLINE_EXCEEDED. `max_in_flight` must be at least 1.
std::vector<ScoreReportOutcome> ScoreReportsConcurrently(
    jixiao::v1::ScoringService::Stub& stub, const QueryCall& call,
    const std::vector<jixiao::v1::ScoreReportRequest>& requests, int max_in_flight);

}  // namespace jixiao::query
