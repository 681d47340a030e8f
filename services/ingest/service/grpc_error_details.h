#pragma once

// The gRPC edge of rich errors: an absl::Status whose payloads are protobuf
// messages (google.rpc.BadRequest from bad_request.h) becomes a grpc::Status
// whose binary details are a google.rpc.Status holding them, which is where
// gRPC clients in every language look for error details.

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace jixiao::ingest {

// Code and message as server::ToGrpcStatus; every payload goes into the
// details as a google.protobuf.Any with the payload's type URL. A status
// without payloads gets no details.
grpc::Status ToGrpcStatusWithDetails(const absl::Status& status);

}  // namespace jixiao::ingest
