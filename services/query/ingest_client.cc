#include "services/query/ingest_client.h"

#include "absl/strings/str_cat.h"
#include "common/platform/server/grpc_status.h"

namespace jixiao::query {
namespace {

// ListReports's largest page.
constexpr int kPageSize = 500;

}  // namespace

IngestClient::IngestClient(std::shared_ptr<grpc::Channel> channel)
    : stub_(jixiao::v1::IngestService::NewStub(std::move(channel))) {}

absl::StatusOr<std::vector<jixiao::v1::ReportSummary>> IngestClient::ListAllReports(
    const QueryCall& call, const jixiao::v1::ListReportsRequest& filter) {
  jixiao::v1::ListReportsRequest request = filter;
  request.set_page_size(kPageSize);
  request.clear_page_token();
  std::vector<jixiao::v1::ReportSummary> reports;
  while (true) {
    // One page per call, each with its own context (a ClientContext serves one call).
    std::unique_ptr<grpc::ClientContext> context = call.NewDownstreamContext();
    jixiao::v1::ListReportsResponse response;
    const grpc::Status status = stub_->ListReports(context.get(), request, &response);
    if (!status.ok()) {
      return absl::Status(server::FromGrpcStatus(status).code(),
                          absl::StrCat("ingest ListReports: ", status.error_message()));
    }
    for (jixiao::v1::ReportSummary& report : *response.mutable_reports()) {
      reports.push_back(std::move(report));
    }
    if (response.next_page_token().empty()) return reports;
    if (response.next_page_token() == request.page_token()) {
      // The same token again would loop forever.
      return absl::InternalError("ingest ListReports: next_page_token did not advance");
    }
    request.set_page_token(response.next_page_token());
  }
}

}  // namespace jixiao::query
