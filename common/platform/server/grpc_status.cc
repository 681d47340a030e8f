#include "common/platform/server/grpc_status.h"

#include <string>

namespace jixiao::server {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

std::string GrpcStatusCodeName(grpc::StatusCode code) {
  // absl spells the canonical codes the way the gRPC spec names them.
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

}  // namespace jixiao::server
