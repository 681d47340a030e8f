#include "services/scoring/service/ingest_report_source.h"

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "absl/strings/str_cat.h"
#include "common/server/downstream_context.h"
#include "common/server/grpc_status.h"

namespace jixiao::scoring {

IngestReportSource::IngestReportSource(const std::string& address, absl::Duration timeout)
    : channel_(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())),
      stub_(jixiao::v1::IngestService::NewStub(channel_)),
      timeout_(timeout) {}

absl::StatusOr<FetchedReport> IngestReportSource::Fetch(grpc::CallbackServerContext* incoming,
                                                        absl::string_view report_id,
                                                        int64_t version) {
  std::unique_ptr<grpc::ClientContext> context;
  if (incoming != nullptr) {
    context = server::DownstreamContext(incoming);
  } else {
    context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  }
  jixiao::v1::GetReportRequest request;
  request.set_report_id(std::string(report_id));
  request.set_version(version);
  jixiao::v1::GetReportResponse response;
  const grpc::Status status = stub_->GetReport(context.get(), request, &response);
  if (!status.ok()) {
    const absl::Status failure = server::FromGrpcStatus(status);
    return absl::Status(failure.code(), absl::StrCat("ingest GetReport(", report_id, "@", version,
                                                     "): ", failure.message()));
  }
  FetchedReport fetched;
  fetched.ref = std::move(*response.mutable_ref());
  fetched.report = std::move(*response.mutable_report());
  return fetched;
}

}  // namespace jixiao::scoring
