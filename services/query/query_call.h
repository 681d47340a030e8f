#pragma once
// One incoming query call, as the code that answers it sees it: the context
// that downstream calls inherit their deadline and cancellation from, and
// whether the cache failed during the call (which makes the answer degraded
// and stops further cache reads: after one Redis error the rest of the answer
// goes straight to the services).
#include <grpcpp/client_context.h>

#include <chrono>
#include <memory>

#include "absl/time/time.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::query {

class QueryCall {
 public:
  // `incoming` must outlive this object. `downstream_timeout` bounds each
  // downstream call, and each wait for a batch of them, when the caller set no
  // deadline (or a later one), so that no worker waits forever on a hung service.
  QueryCall(grpc::CallbackServerContext* incoming, absl::Duration downstream_timeout);

  // A context for one downstream call: deadline and cancellation of the
  // incoming call propagate (see common/platform/server/downstream_context.h), capped
  // at downstream_timeout from now.
  std::unique_ptr<grpc::ClientContext> NewDownstreamContext() const;

  // When to stop waiting for downstream answers: the incoming deadline, or
  // downstream_timeout from now when that comes first. (The child contexts'
  // own deadline() reads as infinite in gRPC 1.51, so the incoming one is used.)
  std::chrono::system_clock::time_point DownstreamWaitDeadline() const;

  bool cache_failed() const { return cache_failed_; }
  void MarkCacheFailed() { cache_failed_ = true; }

 private:
  grpc::CallbackServerContext* const incoming_;
  const absl::Duration downstream_timeout_;
  bool cache_failed_ = false;
};

}  // namespace jixiao::query
