#include "services/ingest/service/ingest_service.h"

#include <grpcpp/server_context.h>

#include <utility>

#include "common/platform/access/jurisdiction.h"
#include "common/platform/server/finish_now.h"
#include "common/platform/server/grpc_status.h"
#include "common/platform/server/run_blocking.h"
#include "services/ingest/service/read_requests.h"
#include "services/ingest/service/submit_reports_reactor.h"
#include "services/ingest/service/target_table_import.h"

namespace jixiao::ingest {
namespace {

using jixiao::v1::GetReportHistoryRequest;
using jixiao::v1::GetReportHistoryResponse;
using jixiao::v1::GetReportRequest;
using jixiao::v1::GetReportResponse;
using jixiao::v1::ImportTargetTableRequest;
using jixiao::v1::ImportTargetTableResponse;
using jixiao::v1::ListReportsRequest;
using jixiao::v1::ListReportsResponse;
using jixiao::v1::SubmitReportRequest;
using jixiao::v1::SubmitReportResponse;
using jixiao::v1::SubmitReportsResponse;

}  // namespace

IngestServiceImpl::IngestServiceImpl(ReportStore* store, ReportCommitQueue* commit_queue,
                                     WorkerPool& workers, ReportPublisher* publisher,
                                     logging::Logger logger,
                                     access::CallerAuthenticator authenticator)
    : store_(store),
      workers_(workers),
      logger_(logger),
      authenticator_(std::move(authenticator)),
      submitter_(commit_queue, workers, publisher, logger) {}

grpc::ServerUnaryReactor* IngestServiceImpl::SubmitReport(grpc::CallbackServerContext* context,
                                                          const SubmitReportRequest* request,
                                                          SubmitReportResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  submitter_.Submit(*request, *caller, context->peer(),
                    [reactor, response](ReportSubmitter::Answer answer) {
                      if (answer.response.ok()) *response = *std::move(answer.response);
                      reactor->Finish(server::ToGrpcStatus(answer.response.status()));
                    });
  return reactor;
}

grpc::ServerReadReactor<SubmitReportRequest>* IngestServiceImpl::SubmitReports(
    grpc::CallbackServerContext* context, SubmitReportsResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishReadStreamNow<SubmitReportRequest>(caller.status());
  return NewSubmitReportsReactor(submitter_, *std::move(caller), context, response, logger_);
}

absl::Status IngestServiceImpl::AuthorizeReportRead(const grpc::CallbackServerContext& context,
                                                    const absl::Status& request_check,
                                                    absl::string_view report_id) const {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(context);
  if (!caller.ok()) return caller.status();
  if (!request_check.ok()) return request_check;
  return access::CheckMayReadDetail(*caller, access::DivisionOf(report_id));
}

grpc::ServerUnaryReactor* IngestServiceImpl::GetReport(grpc::CallbackServerContext* context,
                                                       const GetReportRequest* request,
                                                       GetReportResponse* response) {
  if (absl::Status allowed =
          AuthorizeReportRead(*context, CheckGetReportRequest(*request), request->report_id());
      !allowed.ok()) {
    return server::FinishNow(context, allowed);
  }
  return server::RunBlocking(context, workers_, [this, request, response] {
    absl::StatusOr<StoredReport> stored =
        store_->GetReport(request->report_id(), request->version());
    if (!stored.ok()) return server::ToGrpcStatus(stored.status());
    *response->mutable_ref() = std::move(stored->ref);
    *response->mutable_report() = std::move(stored->report);
    response->set_stored_at_unix_ms(stored->stored_at_unix_ms);
    response->set_submitted_by(std::move(stored->submitter.identity));
    response->set_submitted_from(std::move(stored->submitter.address));
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* IngestServiceImpl::GetReportHistory(
    grpc::CallbackServerContext* context, const GetReportHistoryRequest* request,
    GetReportHistoryResponse* response) {
  if (absl::Status allowed = AuthorizeReportRead(*context, CheckGetReportHistoryRequest(*request),
                                                 request->report_id());
      !allowed.ok()) {
    return server::FinishNow(context, allowed);
  }
  return server::RunBlocking(context, workers_, [this, request, response] {
    absl::StatusOr<std::vector<StoredVersion>> versions =
        store_->ReportVersions(request->report_id());
    if (!versions.ok()) return server::ToGrpcStatus(versions.status());
    for (StoredVersion& stored : *versions) {
      jixiao::v1::VersionAudit& audit = *response->add_versions();
      *audit.mutable_ref() = std::move(stored.ref);
      audit.set_stored_at_unix_ms(stored.stored_at_unix_ms);
      audit.set_submitted_by(std::move(stored.submitter.identity));
      audit.set_submitted_from(std::move(stored.submitter.address));
    }
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* IngestServiceImpl::ListReports(grpc::CallbackServerContext* context,
                                                         const ListReportsRequest* request,
                                                         ListReportsResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  absl::StatusOr<ListReportsQuery> query = ParseListReportsRequest(*request);
  if (!query.ok()) return server::FinishNow(context, query.status());
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
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  absl::StatusOr<PreparedTargetTable> prepared = PrepareTargetTableImport(*request);
  if (!prepared.ok()) return server::FinishNow(context, prepared.status());
  if (absl::Status allowed =
          access::CheckMayWrite(*caller, access::DivisionOf(prepared->table.table_id()));
      !allowed.ok()) {
    return server::FinishNow(context, allowed);
  }
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
  return server::RunBlocking(context, workers_,
                             [this, response, hash = std::move(prepared->content_hash),
                              submitter = Submitter{caller->name, context->peer()}] {
                               absl::StatusOr<TargetTablePutOutcome> outcome =
                                   store_->PutTargetTable(response->table(), hash, submitter);
                               if (!outcome.ok()) return server::ToGrpcStatus(outcome.status());
                               if (outcome->created) {
                                 logger_.Info("target_table_stored",
                                              {{"table_id", outcome->ref.table_id},
                                               {"version", outcome->ref.version},
                                               {"content_hash", outcome->ref.content_hash}});
                               }
                               return grpc::Status::OK;
                             });
}

}  // namespace jixiao::ingest
