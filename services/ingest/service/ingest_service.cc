#include "services/ingest/service/ingest_service.h"

#include <grpcpp/server_context.h>

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "common/server/grpc_status.h"
#include "common/server/run_blocking.h"
#include "services/ingest/service/grpc_error_details.h"
#include "services/ingest/service/read_requests.h"
#include "services/ingest/service/submission.h"
#include "services/ingest/service/target_table_import.h"

namespace jixiao::ingest {
namespace {

using jixiao::v1::GetReportRequest;
using jixiao::v1::GetReportResponse;
using jixiao::v1::ImportTargetTableRequest;
using jixiao::v1::ImportTargetTableResponse;
using jixiao::v1::ListReportsRequest;
using jixiao::v1::ListReportsResponse;
using jixiao::v1::SubmitReportRequest;
using jixiao::v1::SubmitReportResponse;

// Finishes a call on the handler's own thread, for answers that need no I/O.
grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* context,
                                    const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatusWithDetails(status));
  return reactor;
}

}  // namespace

struct IngestServiceImpl::Submission {
  grpc::ServerUnaryReactor* reactor = nullptr;  // finished exactly once, by Acknowledge
  SubmitReportResponse* response = nullptr;     // valid until the reactor is finished
  std::string report_id;
  // The normalized report as stored, kept only when there is a publisher.
  jixiao::v1::EvaluationReport report;
  std::vector<jixiao::v1::Finding> warnings;
};

IngestServiceImpl::IngestServiceImpl(ReportStore* store, ReportCommitQueue* commit_queue,
                                     WorkerPool& workers, ReportPublisher* publisher,
                                     logging::Logger logger)
    : store_(store),
      commit_queue_(commit_queue),
      workers_(workers),
      publisher_(publisher),
      logger_(logger),
      overflow_(1, std::numeric_limits<size_t>::max()) {}

IngestServiceImpl::~IngestServiceImpl() { overflow_.Shutdown(); }

grpc::ServerUnaryReactor* IngestServiceImpl::SubmitReport(grpc::CallbackServerContext* context,
                                                          const SubmitReportRequest* request,
                                                          SubmitReportResponse* response) {
  absl::StatusOr<PreparedReport> prepared = PrepareSubmission(*request);
  if (!prepared.ok()) return FinishNow(context, prepared.status());
  // Best effort (the pool may fill up right after): refusing here stores
  // nothing, so the client's retry is a clean one.
  if (workers_.queued() >= workers_.queue_capacity()) {
    return FinishNow(
        context, absl::ResourceExhaustedError("server busy: the queue for blocking work is full"));
  }

  auto submission = std::make_shared<Submission>();
  submission->reactor = context->DefaultReactor();
  submission->response = response;
  submission->report_id = prepared->to_store.report.report_id();
  if (publisher_ != nullptr) submission->report = prepared->to_store.report;
  submission->warnings = std::move(prepared->warnings);
  grpc::ServerUnaryReactor* reactor = submission->reactor;
  commit_queue_->Submit(std::move(prepared->to_store),
                        [this, submission](absl::StatusOr<PutOutcome> outcome) {
                          OnCommitted(submission, std::move(outcome));
                        });
  return reactor;
}

void IngestServiceImpl::OnCommitted(std::shared_ptr<Submission> submission,
                                    absl::StatusOr<PutOutcome> outcome) {
  // Copyable, as std::function wants: a shared pointer and the outcome.
  auto acknowledge = [this, submission, outcome = std::move(outcome)] {
    Acknowledge(*submission, outcome);
  };
  // Nothing of `this` may be touched once a hand-off succeeded: the task may
  // finish the last call at once, and the server and this service may then go
  // away while this thread is still here. Hence the log line comes first.
  if (workers_.Submit(acknowledge)) return;
  logger_.Warn("submit_report_overflow",
               {{"report_id", submission->report_id}, {"reason", "worker queue full"}});
  if (overflow_.Submit(acknowledge)) return;
  // Only reachable while the service is being destroyed, when no call should
  // be in flight any more: answer rather than leave the call hanging. The
  // report is stored (or not); a retry with the same content is harmless.
  logger_.Error("submit_report_not_acknowledged", {{"report_id", submission->report_id}});
  submission->reactor->Finish(
      grpc::Status(grpc::StatusCode::UNAVAILABLE, "ingest service is shutting down; retry"));
}

void IngestServiceImpl::Acknowledge(Submission& submission,
                                    const absl::StatusOr<PutOutcome>& outcome) {
  if (!outcome.ok()) {
    logger_.Warn("report_not_stored",
                 {{"report_id", submission.report_id}, {"error", outcome.status().ToString()}});
    submission.reactor->Finish(server::ToGrpcStatus(outcome.status()));
    return;
  }
  // Before the acknowledgement: once the client hears of the version, readers
  // of the score cache must not be served an older one.
  if (publisher_ != nullptr) publisher_->Publish(submission.report, *outcome);
  if (outcome->created) {
    logger_.Info("report_stored", {{"report_id", outcome->ref.report_id()},
                                   {"version", outcome->ref.version()},
                                   {"content_hash", outcome->ref.content_hash()}});
  }
  SubmitReportResponse& response = *submission.response;
  *response.mutable_ref() = outcome->ref;
  response.set_created(outcome->created);
  for (jixiao::v1::Finding& warning : submission.warnings) {
    *response.add_warnings() = std::move(warning);
  }
  submission.reactor->Finish(grpc::Status::OK);
}

grpc::ServerUnaryReactor* IngestServiceImpl::GetReport(grpc::CallbackServerContext* context,
                                                       const GetReportRequest* request,
                                                       GetReportResponse* response) {
  if (absl::Status check = CheckGetReportRequest(*request); !check.ok()) {
    return FinishNow(context, check);
  }
  return server::RunBlocking(context, workers_, [this, request, response] {
    absl::StatusOr<StoredReport> stored =
        store_->GetReport(request->report_id(), request->version());
    if (!stored.ok()) return server::ToGrpcStatus(stored.status());
    *response->mutable_ref() = std::move(stored->ref);
    *response->mutable_report() = std::move(stored->report);
    response->set_stored_at_unix_ms(stored->stored_at_unix_ms);
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* IngestServiceImpl::ListReports(grpc::CallbackServerContext* context,
                                                         const ListReportsRequest* request,
                                                         ListReportsResponse* response) {
  absl::StatusOr<ListReportsQuery> query = ParseListReportsRequest(*request);
  if (!query.ok()) return FinishNow(context, query.status());
  return server::RunBlocking(context, workers_, [this, query = *std::move(query), response] {
    absl::StatusOr<ReportPage> page =
        store_->ListReports(query.filter, query.page_size, query.page_token);
    if (!page.ok()) return server::ToGrpcStatus(page.status());
    for (jixiao::v1::ReportSummary& summary : page->reports) {
      *response->add_reports() = std::move(summary);
    }
    response->set_next_page_token(std::move(page->next_page_token));
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* IngestServiceImpl::ImportTargetTable(
    grpc::CallbackServerContext* context, const ImportTargetTableRequest* request,
    ImportTargetTableResponse* response) {
  absl::StatusOr<PreparedTargetTable> prepared = PrepareTargetTableImport(*request);
  if (!prepared.ok()) return FinishNow(context, prepared.status());
  // The response holds the table from here on; gRPC sends it only if the put
  // below succeeds.
  response->set_table_id(prepared->table.table_id());
  *response->mutable_table() = std::move(prepared->table);
  for (jixiao::v1::LineError& error : prepared->line_errors) {
    *response->add_errors() = std::move(error);
  }
  for (jixiao::v1::Finding& warning : prepared->warnings) {
    *response->add_warnings() = std::move(warning);
  }
  return server::RunBlocking(
      context, workers_, [this, response, hash = std::move(prepared->content_hash)] {
        absl::StatusOr<TargetTablePutOutcome> outcome =
            store_->PutTargetTable(response->table(), hash);
        if (!outcome.ok()) return server::ToGrpcStatus(outcome.status());
        if (outcome->created) {
          logger_.Info("target_table_stored", {{"table_id", outcome->ref.table_id},
                                               {"version", outcome->ref.version},
                                               {"content_hash", outcome->ref.content_hash}});
        }
        return grpc::Status::OK;
      });
}

}  // namespace jixiao::ingest
