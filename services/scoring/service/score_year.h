#pragma once
// ScoreYear's reactor: every stored report of a year scored under one scheme,
// each exactly as ScoreReport would (ScoreCardProvider::Provide), filling the
// scorecard cache and the rankings, with progress streamed as it goes. Reports
// of the other kind (project reports under a department scheme) are not the
// scheme's to score: they are left out, and out of the counts.
//
// Nothing blocks a gRPC thread: listing a page and scoring a report are tasks
// on the service's worker pool, at most `concurrency` reports at once per call,
// and the reactor reacts to their completion. Listing stays about a page ahead
// of scoring, so memory is bounded by a page however large the year. Progress
// is written at the cadence of ProgressCadence, one write at a time: counts
// that move while a write is outstanding go into the next message. The last
// message says done; then the call finishes OK.
//
// A failed report is counted and named, and the run goes on. A failed listing
// ends the call with its error once the reports under way are done; a
// cancelled call ends as promptly: nothing new starts, and the reactor
// finishes (and may be deleted) only once its last task has returned.
#include <grpcpp/support/server_callback.h>

#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/scoring_service.pb.h"
#include "services/scoring/service/score_year_tally.h"
#include "services/scoring/service/scorecard_provider.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::scoring {

struct ScoreYearOptions {
  // Reports fetched and scored at once by one call.
  int concurrency = 8;
  ProgressCadence cadence;
};

// The reactor that serves `request`, already started; finished at once with
// INVALID_ARGUMENT or NOT_FOUND for a bad year or scheme, and with
// FAILED_PRECONDITION when the provider has no cache to fill. Everything must
// outlive the call.
grpc::ServerWriteReactor<jixiao::v1::ScoreYearProgress>* StartScoreYear(
    grpc::CallbackServerContext* context, const jixiao::v1::ScoreYearRequest& request,
    ScoreCardProvider& provider, WorkerPool& workers, const ScoreYearOptions& options);

}  // namespace jixiao::scoring
