#include "tools/jixiao/rich_status.h"

#include "google/rpc/status.pb.h"

namespace jixiao::cli {

std::vector<google::rpc::BadRequest::FieldViolation> BadRequestViolations(
    const grpc::Status& status) {
  std::vector<google::rpc::BadRequest::FieldViolation> violations;
  if (status.ok() || status.error_details().empty()) return violations;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return violations;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad_request;
    if (!any.Is<google::rpc::BadRequest>() || !any.UnpackTo(&bad_request)) continue;
    for (auto& violation : *bad_request.mutable_field_violations()) {
      violations.push_back(std::move(violation));
    }
  }
  return violations;
}

}  // namespace jixiao::cli
