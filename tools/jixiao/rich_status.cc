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

grpc::Status ItemStatus(const jixiao::v1::SubmitReportsItemResult& result) {
  if (result.code() == 0) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(result.code());
  if (result.violations().empty()) return grpc::Status(code, result.message());
  google::rpc::BadRequest bad_request;
  for (const auto& violation : result.violations()) {
    auto* entry = bad_request.add_field_violations();
    entry->set_field(violation.field());
    entry->set_description(violation.description());
  }
  google::rpc::Status details;
  details.set_code(result.code());
  details.set_message(result.message());
  details.add_details()->PackFrom(bad_request);
  return grpc::Status(code, result.message(), details.SerializeAsString());
}

}  // namespace jixiao::cli
