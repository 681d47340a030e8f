#include "tools/jixiao/rich_status.h"

#include "common/platform/server/grpc_status.h"

namespace jixiao::cli {

grpc::Status ItemStatus(const jixiao::v1::SubmitReportsItemResult& result) {
  if (result.code() == 0) return grpc::Status::OK;
  absl::Status status(static_cast<absl::StatusCode>(result.code()), result.message());
  if (result.violations().empty()) return server::ToGrpcStatus(status);
  server::FieldViolations violations;
  for (const auto& violation : result.violations()) {
    google::rpc::BadRequest::FieldViolation& entry = violations.emplace_back();
    entry.set_field(violation.field());
    entry.set_description(violation.description());
  }
  // Cut to size by the service already: attached as they are.
  return server::ToGrpcStatus(server::WithBadRequest(std::move(status), violations));
}

}  // namespace jixiao::cli
