#include "services/scoring/service/ingest_report_source.h"

#include <iterator>

#include "absl/strings/str_cat.h"
#include "common/platform/server/downstream_context.h"
#include "common/platform/server/grpc_status.h"

namespace jixiao::scoring {
namespace {

// ListReports answers at most this many reports a page.
constexpr int kListPageSize = 500;

// The gRPC failure as a status that names the call, so that a message passed
// on to a client says which step failed.
absl::Status CallFailure(const grpc::Status& status, absl::string_view call) {
  const absl::Status failure = server::FromGrpcStatus(status);
  return absl::Status(failure.code(), absl::StrCat("ingest ", call, ": ", failure.message()));
}

}  // namespace

IngestReportSource::IngestReportSource(std::shared_ptr<grpc::Channel> channel,
                                       absl::Duration timeout)
    : channel_(std::move(channel)),
      stub_(jixiao::v1::IngestService::NewStub(channel_)),
      timeout_(timeout) {}

std::unique_ptr<grpc::ClientContext> IngestReportSource::CallContext(
    grpc::CallbackServerContext* incoming) const {
  std::unique_ptr<grpc::ClientContext> context = incoming != nullptr
                                                     ? server::DownstreamContext(incoming)
                                                     : std::make_unique<grpc::ClientContext>();
  // gRPC keeps the earlier of this and a propagated deadline. The bound matters
  // inside long calls: ScoreYear may run for minutes, or without a deadline,
  // and one stuck GetReport must not hold it up for all that time.
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  return context;
}

absl::StatusOr<FetchedReport> IngestReportSource::Fetch(grpc::CallbackServerContext* incoming,
                                                        absl::string_view report_id,
                                                        int64_t version) {
  const std::unique_ptr<grpc::ClientContext> context = CallContext(incoming);
  jixiao::v1::GetReportRequest request;
  request.set_report_id(std::string(report_id));
  request.set_version(version);
  jixiao::v1::GetReportResponse response;
  const grpc::Status status = stub_->GetReport(context.get(), request, &response);
  if (!status.ok()) {
    return CallFailure(status, absl::StrCat("GetReport(", report_id, "@", version, ")"));
  }
  FetchedReport fetched;
  fetched.ref = std::move(*response.mutable_ref());
  fetched.report = std::move(*response.mutable_report());
  return fetched;
}

absl::StatusOr<ReportPage> IngestReportSource::ListYear(grpc::CallbackServerContext* incoming,
                                                        int fiscal_year,
                                                        absl::string_view page_token) {
  const std::unique_ptr<grpc::ClientContext> context = CallContext(incoming);
  jixiao::v1::ListReportsRequest request;
  request.set_fiscal_year(fiscal_year);
  request.set_page_size(kListPageSize);
  request.set_page_token(std::string(page_token));
  jixiao::v1::ListReportsResponse response;
  const grpc::Status status = stub_->ListReports(context.get(), request, &response);
  if (!status.ok()) return CallFailure(status, absl::StrCat("ListReports(", fiscal_year, ")"));
  ReportPage page;
  page.reports.assign(std::make_move_iterator(response.mutable_reports()->begin()),
                      std::make_move_iterator(response.mutable_reports()->end()));
  page.next_page_token = std::move(*response.mutable_next_page_token());
  return page;
}

}  // namespace jixiao::scoring
