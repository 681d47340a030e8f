#pragma once

// The rich error model on the client side: a gRPC status may carry, in its
// binary details, a google.rpc.Status whose `details` hold typed messages. The
// ingest service refuses a report with INVALID_ARGUMENT and a google.rpc.BadRequest
// listing each field that is wrong; the summary message names only the first.
// server::BadRequestViolations (common/platform/server/rich_error.h) reads them.

#include <grpcpp/support/status.h>

#include "common/platform/server/rich_error.h"
#include "jixiao/v1/ingest_service.pb.h"

namespace jixiao::cli {

using server::BadRequestViolations;

// The status SubmitReport would have answered for one report of a
// SubmitReports stream: the item's code and message, and its field
// violations as a google.rpc.BadRequest in the details, so that a report
// refused on a stream reads exactly as one refused alone. OK when stored.
grpc::Status ItemStatus(const jixiao::v1::SubmitReportsItemResult& result);

}  // namespace jixiao::cli
