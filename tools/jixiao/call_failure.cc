#include "tools/jixiao/call_failure.h"

#include "absl/strings/str_cat.h"
#include "common/platform/server/grpc_status.h"
#include "tools/jixiao/rich_status.h"

namespace jixiao::cli {

std::string DescribeCallFailure(const ServiceEndpoint& endpoint, const grpc::Status& status) {
  const std::string where = absl::StrCat(endpoint.service, " service at ", endpoint.address);
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return absl::StrCat("cannot reach ", where, ": ", status.error_message());
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::StrCat(where, " did not answer within ", absl::FormatDuration(endpoint.timeout),
                          " (--timeout)");
    default:
      return absl::StrCat(where, ": ", server::GrpcStatusCodeName(status.error_code()), ": ",
                          status.error_message());
  }
}

void PrintCallFailure(const ServiceEndpoint& endpoint, const grpc::Status& status,
                      std::ostream& err) {
  err << "jixiao: " << DescribeCallFailure(endpoint, status) << "\n";
  for (const auto& violation : BadRequestViolations(status)) {
    err << "  " << violation.field() << ": " << violation.description() << "\n";
  }
}

}  // namespace jixiao::cli
