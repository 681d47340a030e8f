#pragma once

// Answers a call on the handler's own thread, for answers that need no I/O: a
// request refused before any work, or a reply from what is in memory. Work
// that blocks goes through RunBlocking (run_blocking.h) instead.
//
//   if (!query.ok()) return FinishNow(context, query.status());

#include <grpcpp/support/server_callback.h>

#include "absl/status/status.h"
#include "common/platform/server/grpc_status.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::server {

// The context's own reactor, finished with `status` (its rich error details
// included, grpc_status.h); the handler returns it.
grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* context,
                                    const absl::Status& status);

// A server-streaming call finished with `status` before it writes anything.
// Finished in the constructor: gRPC keeps the Finish until the reactor is
// bound to the call.
template <typename Response>
class FinishedWriteReactor final : public grpc::ServerWriteReactor<Response> {
 public:
  explicit FinishedWriteReactor(const absl::Status& status) { this->Finish(ToGrpcStatus(status)); }
  void OnDone() override { delete this; }
};

// The streaming form of FinishNow; the reactor deletes itself when the call is done.
template <typename Response>
grpc::ServerWriteReactor<Response>* FinishStreamNow(const absl::Status& status) {
  return new FinishedWriteReactor<Response>(status);
}

// A client-streaming call finished with `status` before it reads anything.
template <typename Request>
class FinishedReadReactor final : public grpc::ServerReadReactor<Request> {
 public:
  explicit FinishedReadReactor(const absl::Status& status) { this->Finish(ToGrpcStatus(status)); }
  void OnDone() override { delete this; }
};

template <typename Request>
grpc::ServerReadReactor<Request>* FinishReadStreamNow(const absl::Status& status) {
  return new FinishedReadReactor<Request>(status);
}

}  // namespace jixiao::server
