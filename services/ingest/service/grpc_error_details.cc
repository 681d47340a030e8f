#include "services/ingest/service/grpc_error_details.h"

#include <string>

#include "absl/strings/cord.h"
#include "common/platform/server/grpc_status.h"
#include "google/rpc/status.pb.h"

namespace jixiao::ingest {

grpc::Status ToGrpcStatusWithDetails(const absl::Status& status) {
  grpc::Status plain = server::ToGrpcStatus(status);
  if (status.ok()) return plain;
  google::rpc::Status details;
  status.ForEachPayload([&details](absl::string_view type_url, const absl::Cord& payload) {
    google::protobuf::Any* any = details.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(payload));
  });
  if (details.details_size() == 0) return plain;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(std::string(status.message()));
  return grpc::Status(plain.error_code(), plain.error_message(), details.SerializeAsString());
}

}  // namespace jixiao::ingest
