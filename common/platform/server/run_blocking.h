#pragma once

// Keeps callback handlers thin when their work blocks (database, Redis): the
// work runs on the worker pool, and the unary call is finished with the status
// it returns. gRPC's own threads never wait on I/O.
//
//   grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
//                                          const SubmitReportRequest* request,
//                                          SubmitReportResponse* response) override {
//     return RunBlocking(context, workers_, [this, request, response] {
//       return ToGrpcStatus(store_.Save(*request, response));
//     });
//   }

#include <grpcpp/support/server_callback.h>

#include <functional>

#include "common/platform/worker_pool/worker_pool.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::server {

// Queues `work` on `pool` and returns the reactor that the handler returns.
// - A full queue finishes the call at once with RESOURCE_EXHAUSTED; `work` never runs.
// - A call cancelled (by the client, its deadline, or the end of a shutdown
//   drain) while `work` still waits in the queue finishes at once with
//   CANCELLED and `work` is skipped, so queued work never outlives its call.
// - Once `work` runs, the call finishes only when it returns: the request and
//   response it writes stay valid until then. Work that may block for long
//   should therefore have its own I/O timeouts. Work that ends CANCELLED once
//   the call's deadline has passed (its downstream calls were cancelled with
//   the call) finishes it DEADLINE_EXCEEDED, as the caller's own clock would.
grpc::ServerUnaryReactor* RunBlocking(grpc::CallbackServerContext* context, WorkerPool& pool,
                                      std::function<grpc::Status()> work);

}  // namespace jixiao::server
