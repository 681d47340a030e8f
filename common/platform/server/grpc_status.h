#pragma once

// Between absl::Status, in which jixiao's libraries report errors, and
// grpc::Status, which handlers answer with. The two share their code numbers.

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jixiao::server {

// Code and message carried over; absl payloads are dropped.
grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

// "OK", "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", ... as in the gRPC spec.
std::string GrpcStatusCodeName(grpc::StatusCode code);

}  // namespace jixiao::server
