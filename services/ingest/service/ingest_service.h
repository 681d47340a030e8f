#pragma once

// jixiao.v1.IngestService on gRPC's callback API. The handlers are thin: the
// domain steps are pure functions (submission.h, target_table_import.h,
// read_requests.h), blocking store calls run on the worker pool
// (server::RunBlocking), and submitted reports go through the group commit
// (report_commit_queue.h).
//
// SubmitReport, step by step:
//   1. on the gRPC thread: validate, normalize, hash (PrepareSubmission) —
//      CPU work on a message gRPC has already parsed, bounded by the largest
//      request accepted; a refusal finishes the call at once and stores nothing;
//   2. the report joins the commit queue; the handler returns;
//   3. on the committer thread, once the commit is durable (or failed): the
//      rest is handed to the worker pool, because the committer must never
//      wait on a publisher's I/O — every report behind it would wait too;
//   4. on a worker: Publish (if there is a publisher), fill in the response,
//      finish the call. The acknowledgement therefore always follows the
//      durable commit and the publication.
//
// When the worker pool refuses the hand-off in step 3 (its queue is full),
// the report is already durable, so refusing the call would only make the
// client retry something that succeeded, and finishing it without publishing
// would let readers of the score cache see an older version after the
// acknowledgement. Instead the hand-off goes to a lane of the service's own:
// one thread with an unbounded queue, which never refuses while the service
// lives. Unbounded is safe here because every entry is a call already in
// flight, whose request the server holds anyway; the lane only runs when the
// pool is saturated, and a warning says so. To keep that rare, a submission
// that finds the pool full before anything is stored is refused with
// RESOURCE_EXHAUSTED, as RunBlocking refuses every other call. Every call is
// finished exactly once: by the handler (refusals) or by the hand-off task.

#include <grpcpp/support/server_callback.h>

#include <memory>

#include "absl/status/statusor.h"
#include "common/logging/logger.h"
#include "common/worker_pool/worker_pool.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/ingest/service/report_commit_queue.h"
#include "services/ingest/service/report_publisher.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

class IngestServiceImpl final : public jixiao::v1::IngestService::CallbackService {
 public:
  // Nothing is owned. `store`, `commit_queue` (committing into `store`),
  // `workers` and `publisher` must outlive the service, and the service must
  // outlive the server it is registered with. `publisher` may be null: then
  // nothing is published.
  IngestServiceImpl(ReportStore* store, ReportCommitQueue* commit_queue, WorkerPool& workers,
                    ReportPublisher* publisher, logging::Logger logger);
  // Runs what the overflow lane still holds, then joins its thread.
  ~IngestServiceImpl() override;

  IngestServiceImpl(const IngestServiceImpl&) = delete;
  IngestServiceImpl& operator=(const IngestServiceImpl&) = delete;

  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
                                         const jixiao::v1::SubmitReportRequest* request,
                                         jixiao::v1::SubmitReportResponse* response) override;
  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* context,
                                      const jixiao::v1::GetReportRequest* request,
                                      jixiao::v1::GetReportResponse* response) override;
  grpc::ServerUnaryReactor* ListReports(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListReportsRequest* request,
                                        jixiao::v1::ListReportsResponse* response) override;
  grpc::ServerUnaryReactor* ImportTargetTable(
      grpc::CallbackServerContext* context, const jixiao::v1::ImportTargetTableRequest* request,
      jixiao::v1::ImportTargetTableResponse* response) override;

 private:
  // A SubmitReport call between the commit queue and its answer.
  struct Submission;

  // Step 3 above, on the committer thread: hands off without blocking.
  void OnCommitted(std::shared_ptr<Submission> submission, absl::StatusOr<PutOutcome> outcome);
  // Step 4 above, on a worker (or the overflow lane).
  void Acknowledge(Submission& submission, const absl::StatusOr<PutOutcome>& outcome);

  ReportStore* const store_;
  ReportCommitQueue* const commit_queue_;
  WorkerPool& workers_;
  ReportPublisher* const publisher_;
  const logging::Logger logger_;
  // The overflow lane (see above). Declared last so that it is drained and
  // joined first, while everything its tasks use still exists.
  WorkerPool overflow_;
};

}  // namespace jixiao::ingest
