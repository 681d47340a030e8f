#include "common/platform/server/grpc_status.h"

#include <string>

#include "absl/strings/cord.h"
#include "google/rpc/status.pb.h"

namespace jixiao::server {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  std::string message(status.message());
  google::rpc::Status details;
  status.ForEachPayload([&details](absl::string_view type_url, const absl::Cord& payload) {
    google::protobuf::Any* any = details.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(payload));
  });
  if (details.details_size() == 0) return grpc::Status(code, std::move(message));
  details.set_code(static_cast<int>(status.code()));
  details.set_message(message);
  return grpc::Status(code, std::move(message), details.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status converted(static_cast<absl::StatusCode>(status.error_code()),
                         status.error_message());
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) {
    return converted;
  }
  for (const google::protobuf::Any& any : details.details()) {
    // Serialized messages concatenate as they merge: two details of one type
    // (two BadRequests, say) become one payload listing both.
    absl::Cord payload = converted.GetPayload(any.type_url()).value_or(absl::Cord());
    payload.Append(any.value());
    converted.SetPayload(any.type_url(), std::move(payload));
  }
  return converted;
}

std::string GrpcStatusCodeName(grpc::StatusCode code) {
  // absl spells the canonical codes the way the gRPC spec names them.
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

}  // namespace jixiao::server
