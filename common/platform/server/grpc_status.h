#pragma once

// Between absl::Status, in which jixiao's libraries report errors, and
// grpc::Status, which handlers answer with. The two share their code numbers.
// Rich error details (rich_error.h) make the trip too: an absl payload is a
// google.protobuf.Any, under the payload's type URL, in the google.rpc.Status
// that a grpc::Status carries as its binary details, which is where gRPC
// clients in every language look for them.

#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"

namespace jixiao::server {

// Code, message and payloads carried over. A status without payloads has no
// details, and details that are not a google.rpc.Status are dropped.
grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

// "OK", "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", ... as in the gRPC spec.
std::string GrpcStatusCodeName(grpc::StatusCode code);

}  // namespace jixiao::server
