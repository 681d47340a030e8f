#pragma once

// Structural violations of a request, carried inside absl::Status: code
// INVALID_ARGUMENT, a message that summarises, and a google.rpc.BadRequest
// payload with one validation::FieldViolation per violation. Pure code refuses a request
// this way; the gRPC edge (grpc_error_details.h) moves the payload into the
// google.rpc.Status details that gRPC clients read.
//
// The details travel in a trailer (grpc-status-details-bin) and the message in
// another (grpc-message), and gRPC clients refuse trailers larger than 8 KiB
// altogether, which would hide the whole error behind RESOURCE_EXHAUSTED. So
// descriptions are cut to kMaxDescriptionBytes (a description may quote
// submitted text) and the violations listed stop at kMaxBadRequestBytes, with
// a last one that says how many more there were.

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/domain/validation/field_violation.h"

namespace jixiao::ingest {

// The payload's type URL, as google.protobuf.Any names google.rpc.BadRequest.
inline constexpr absl::string_view kBadRequestTypeUrl = "type.googleapis.com/google.rpc.BadRequest";

inline constexpr size_t kMaxDescriptionBytes = 256;
inline constexpr size_t kMaxBadRequestBytes = 3 * 1024;

// INVALID_ARGUMENT for `violations` (at least one), e.g. with subject "report":
//   "report refused: 3 violations; the first: report.kind is required"
// When violations are left out for size, a last entry at the field of the
// first one left out says how many were left out.
absl::Status BadRequestError(absl::string_view subject,
                             const validation::FieldViolations& violations);

// The validators name fields relative to the message they check
// ("budget.initial.fen"); a request names them from its own root
// ("report.budget.initial.fen"). Prefixes every path with `parent` and a dot.
validation::FieldViolations UnderField(absl::string_view parent,
                                       validation::FieldViolations violations);

// The violations `status` carries, in order; empty when it carries none.
validation::FieldViolations BadRequestViolations(const absl::Status& status);

}  // namespace jixiao::ingest
