#pragma once

// The rich error model's google.rpc.BadRequest: a request refused for what is
// wrong with its fields. Pure code refuses with an absl::Status of code
// INVALID_ARGUMENT, a message that summarises, and a BadRequest payload with
// one field violation per fault; ToGrpcStatus (grpc_status.h) moves payloads
// into the google.rpc.Status details that gRPC clients in every language read,
// and clients read the violations back from the grpc::Status they receive.
//
// The details travel in a trailer (grpc-status-details-bin) and the message in
// another (grpc-message), and gRPC clients refuse trailers larger than 8 KiB
// altogether, which would hide the whole error behind RESOURCE_EXHAUSTED. So
// descriptions are cut to kMaxDescriptionBytes (a description may quote
// submitted text) and the violations listed stop at kMaxBadRequestBytes, with
// a last one that says how many more there were.

#include <grpcpp/support/status.h>

#include <cstddef>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"

namespace jixiao::server {

// The payload's type URL, as google.protobuf.Any names google.rpc.BadRequest.
inline constexpr absl::string_view kBadRequestTypeUrl = "type.googleapis.com/google.rpc.BadRequest";

inline constexpr size_t kMaxDescriptionBytes = 256;
inline constexpr size_t kMaxBadRequestBytes = 3 * 1024;

using FieldViolations = std::vector<google::rpc::BadRequest::FieldViolation>;

// INVALID_ARGUMENT for `violations` (at least one), e.g. with subject "report":
//   "report refused: 3 violations; the first: report.kind is required"
// When violations are left out for size, a last entry at the field of the
// first one left out says how many were left out.
absl::Status BadRequestError(absl::string_view subject, const FieldViolations& violations);

// `status` with `violations` attached as they are, for violations that were
// cut to size when they were first refused.
absl::Status WithBadRequest(absl::Status status, const FieldViolations& violations);

// The violations a status carries, in order; empty when it carries none (the
// message still stands). A grpc::Status carries them in its details, possibly
// beside other details, which are skipped.
FieldViolations BadRequestViolations(const absl::Status& status);
FieldViolations BadRequestViolations(const grpc::Status& status);

}  // namespace jixiao::server
