#pragma once

// One submitted report from request to answer, the same whether it came alone
// (SubmitReport) or on a stream (each report of SubmitReports):
//   1. on the caller's (gRPC) thread: validate, normalize, hash
//      (PrepareSubmission) — CPU work on a message gRPC has already parsed,
//      bounded by the largest request accepted; a refusal is answered at once
//      and stores nothing;
//   2. the report joins the commit queue; Submit returns;
//   3. on the committer thread, once the commit is durable (or failed): the
//      rest is handed to the worker pool, because the committer must never
//      wait on a publisher's I/O — every report behind it would wait too;
//   4. on a worker: Publish (if there is a publisher), then the answer. The
//      answer therefore always follows the durable commit and the publication.
//
// When the worker pool refuses the hand-off in step 3 (its queue is full),
// the report is already durable, so refusing it would only make the client
// retry something that succeeded, and answering without publishing would let
// readers of the score cache see an older version after the acknowledgement.
// Instead the hand-off goes to a lane of the submitter's own: one thread with
// an unbounded queue, which never refuses while the submitter lives.
// Unbounded is safe here because every entry is a report already in flight,
// whose call the server holds anyway; the lane only runs when the pool is
// saturated, and a warning says so. To keep that rare, a report that finds the
// pool full before anything is stored is refused with RESOURCE_EXHAUSTED, as
// RunBlocking refuses every other call.

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/platform/access/principal.h"
#include "common/platform/logging/logger.h"
#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "services/ingest/service/report_commit_queue.h"
#include "services/ingest/service/report_publisher.h"

namespace jixiao::ingest {

class ReportSubmitter {
 public:
  // What SubmitReport answers for one report.
  struct Answer {
    // The normalized report's id; empty when it was refused before it had one.
    std::string report_id;
    // A refusal keeps its payloads (the google.rpc.BadRequest of bad_request.h).
    absl::StatusOr<jixiao::v1::SubmitReportResponse> response;
  };
  // Runs exactly once: on the thread calling Submit when the report is refused
  // before the commit, else on a worker or the overflow lane after the commit
  // and the publication (on the committer thread only while the submitter is
  // being destroyed). Once it has run, nothing of the submitter is touched for
  // this report, so it may end the last call the server waits for.
  using AnswerCallback = std::function<void(Answer)>;

  // Nothing is owned. `commit_queue`, `workers` and `publisher` must outlive
  // the submitter. `publisher` may be null: then nothing is published.
  ReportSubmitter(ReportCommitQueue* commit_queue, WorkerPool& workers, ReportPublisher* publisher,
                  logging::Logger logger);
  // Runs what the overflow lane still holds, then joins its thread.
  ~ReportSubmitter();

  ReportSubmitter(const ReportSubmitter&) = delete;
  ReportSubmitter& operator=(const ReportSubmitter&) = delete;

  // Steps 1 and 2 above; `answer` is called without any lock of the submitter held.
  // `caller` must be allowed to write the report's division, or it is refused
  // PERMISSION_DENIED with nothing stored. A version it creates records the
  // caller's name and `caller_address` (the gRPC peer) as its submitter.
  void Submit(const jixiao::v1::SubmitReportRequest& request, const access::Principal& caller,
              absl::string_view caller_address, AnswerCallback answer);

 private:
  // A report between the commit queue and its answer.
  struct Submission;

  // Step 3 above, on the committer thread: hands off without blocking.
  void OnCommitted(std::shared_ptr<Submission> submission, absl::StatusOr<PutOutcome> outcome);
  // Step 4 above, on a worker (or the overflow lane).
  void Acknowledge(Submission& submission, const absl::StatusOr<PutOutcome>& outcome);

  ReportCommitQueue* const commit_queue_;
  WorkerPool& workers_;
  ReportPublisher* const publisher_;
  const logging::Logger logger_;
  // The overflow lane (see above). Declared last so that it is drained and
  // joined first, while everything its tasks use still exists.
  WorkerPool overflow_;
};

}  // namespace jixiao::ingest
