#pragma once

// jixiao.v1.IngestService on gRPC's callback API. The handlers are thin: the
// domain steps are pure functions (submission.h, target_table_import.h,
// read_requests.h), blocking store calls run on the worker pool
// (server::RunBlocking), and submitted reports go through the ReportSubmitter
// (report_submitter.h): validated on the gRPC thread, stored by the group
// commit (report_commit_queue.h), published on a worker, then answered.
//
// SubmitReport answers with what the submitter answers for its report.
// SubmitReports reads a stream of them, each going through the same submitter
// as if it were a SubmitReport call, with a bounded number in flight, and
// answers once the client has half-closed and every report read has been
// answered (submit_reports_reactor.h). Every call is finished exactly once:
// SubmitReport by its report's answer (at once for a refusal), SubmitReports
// by whichever comes last of the end of its input and its reports' answers.
//
// Every call is first authenticated (caller_authenticator.h). Writing a report or a
// target table takes a writer of its division; reading a report, a reader of it;
// listing reports, any caller.

#include <grpcpp/support/server_callback.h>

#include "common/platform/access/caller_authenticator.h"
#include "common/platform/logging/logger.h"
#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/ingest/service/report_commit_queue.h"
#include "services/ingest/service/report_publisher.h"
#include "services/ingest/service/report_submitter.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

class IngestServiceImpl final : public jixiao::v1::IngestService::CallbackService {
 public:
  // Nothing is owned. `store`, `commit_queue` (committing into `store`),
  // `workers` and `publisher` must outlive the service, and the service must
  // outlive the server it is registered with. `publisher` may be null: then
  // nothing is published.
  IngestServiceImpl(ReportStore* store, ReportCommitQueue* commit_queue, WorkerPool& workers,
                    ReportPublisher* publisher, logging::Logger logger,
                    access::CallerAuthenticator authenticator = access::CallerAuthenticator());

  IngestServiceImpl(const IngestServiceImpl&) = delete;
  IngestServiceImpl& operator=(const IngestServiceImpl&) = delete;

  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
                                         const jixiao::v1::SubmitReportRequest* request,
                                         jixiao::v1::SubmitReportResponse* response) override;
  grpc::ServerReadReactor<jixiao::v1::SubmitReportRequest>* SubmitReports(
      grpc::CallbackServerContext* context, jixiao::v1::SubmitReportsResponse* response) override;
  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* context,
                                      const jixiao::v1::GetReportRequest* request,
                                      jixiao::v1::GetReportResponse* response) override;
  grpc::ServerUnaryReactor* GetReportHistory(
      grpc::CallbackServerContext* context, const jixiao::v1::GetReportHistoryRequest* request,
      jixiao::v1::GetReportHistoryResponse* response) override;
  grpc::ServerUnaryReactor* ListReports(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListReportsRequest* request,
                                        jixiao::v1::ListReportsResponse* response) override;
  grpc::ServerUnaryReactor* ImportTargetTable(
      grpc::CallbackServerContext* context, const jixiao::v1::ImportTargetTableRequest* request,
      jixiao::v1::ImportTargetTableResponse* response) override;

 private:
  // The checks before reading one report's detail (its body or its audit), in order: who
  // calls, then the request's own check, then whether the caller may see the report's
  // division in detail.
  absl::Status AuthorizeReportRead(const grpc::CallbackServerContext& context,
                                   const absl::Status& request_check,
                                   absl::string_view report_id) const;

  ReportStore* const store_;
  WorkerPool& workers_;
  const logging::Logger logger_;
  const access::CallerAuthenticator authenticator_;
  // SubmitReport's and SubmitReports'. Destroyed with the service, after the
  // server has stopped: it runs what its overflow lane still holds.
  ReportSubmitter submitter_;
};

}  // namespace jixiao::ingest
