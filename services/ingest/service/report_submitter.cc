#include "services/ingest/service/report_submitter.h"

#include <limits>
#include <utility>
#include <vector>

#include "common/platform/access/jurisdiction.h"
#include "services/ingest/service/submission.h"

namespace jixiao::ingest {

struct ReportSubmitter::Submission {
  AnswerCallback answer;  // called exactly once, by Acknowledge or OnCommitted
  std::string report_id;
  // The normalized report as stored, kept only when there is a publisher.
  jixiao::v1::EvaluationReport report;
  std::vector<jixiao::v1::Finding> warnings;
};

ReportSubmitter::ReportSubmitter(ReportCommitQueue* commit_queue, WorkerPool& workers,
                                 ReportPublisher* publisher, logging::Logger logger)
    : commit_queue_(commit_queue),
      workers_(workers),
      publisher_(publisher),
      logger_(logger),
      overflow_(1, std::numeric_limits<size_t>::max()) {}

ReportSubmitter::~ReportSubmitter() { overflow_.Shutdown(); }

void ReportSubmitter::Submit(const jixiao::v1::SubmitReportRequest& request,
                             const access::Principal& caller, absl::string_view caller_address,
                             AnswerCallback answer) {
  absl::StatusOr<PreparedReport> prepared = PrepareSubmission(request);
  if (!prepared.ok()) {
    answer({"", prepared.status()});
    return;
  }
  std::string report_id = prepared->to_store.report.report_id();
  if (absl::Status allowed = access::CheckMayWrite(caller, access::DivisionOf(report_id));
      !allowed.ok()) {
    answer({std::move(report_id), std::move(allowed)});
    return;
  }
  // Best effort (the pool may fill up right after): refusing here stores
  // nothing, so the client's retry is a clean one.
  if (workers_.queued() >= workers_.queue_capacity()) {
    answer({std::move(report_id),
            absl::ResourceExhaustedError("server busy: the queue for blocking work is full")});
    return;
  }

  prepared->to_store.submitter = Submitter{caller.name, std::string(caller_address)};
  auto submission = std::make_shared<Submission>();
  submission->answer = std::move(answer);
  submission->report_id = std::move(report_id);
  if (publisher_ != nullptr) submission->report = prepared->to_store.report;
  submission->warnings = std::move(prepared->warnings);
  commit_queue_->Submit(std::move(prepared->to_store),
                        [this, submission](absl::StatusOr<PutOutcome> outcome) {
                          OnCommitted(submission, std::move(outcome));
                        });
}

void ReportSubmitter::OnCommitted(std::shared_ptr<Submission> submission,
                                  absl::StatusOr<PutOutcome> outcome) {
  // Copyable, as std::function wants: a shared pointer and the outcome.
  auto acknowledge = [this, submission, outcome = std::move(outcome)] {
    Acknowledge(*submission, outcome);
  };
  // Nothing of `this` may be touched once a hand-off succeeded: the task may
  // answer the last call at once, and the server and this submitter may then
  // go away while this thread is still here. Hence the log line comes first.
  if (workers_.Submit(acknowledge)) return;
  logger_.Warn("submit_report_overflow",
               {{"report_id", submission->report_id}, {"reason", "worker queue full"}});
  if (overflow_.Submit(acknowledge)) return;
  // Only reachable while the submitter is being destroyed, when no call
  // should be in flight any more: answer rather than leave the call hanging.
  // The report is stored (or not); a retry with the same content is harmless.
  logger_.Error("submit_report_not_acknowledged", {{"report_id", submission->report_id}});
  submission->answer({std::move(submission->report_id),
                      absl::UnavailableError("ingest service is shutting down; retry")});
}

void ReportSubmitter::Acknowledge(Submission& submission,
                                  const absl::StatusOr<PutOutcome>& outcome) {
  if (!outcome.ok()) {
    logger_.Warn("report_not_stored",
                 {{"report_id", submission.report_id}, {"error", outcome.status().ToString()}});
    submission.answer({std::move(submission.report_id), outcome.status()});
    return;
  }
  // Before the answer: once the client hears of the version, readers of the
  // score cache must not be served an older one.
  if (publisher_ != nullptr) publisher_->Publish(submission.report, *outcome);
  if (outcome->created) {
    logger_.Info("report_stored", {{"report_id", outcome->ref.report_id()},
                                   {"version", outcome->ref.version()},
                                   {"content_hash", outcome->ref.content_hash()}});
  }
  jixiao::v1::SubmitReportResponse response;
  *response.mutable_ref() = outcome->ref;
  response.set_created(outcome->created);
  for (jixiao::v1::Finding& warning : submission.warnings) {
    *response.add_warnings() = std::move(warning);
  }
  submission.answer({std::move(submission.report_id), std::move(response)});
}

}  // namespace jixiao::ingest
