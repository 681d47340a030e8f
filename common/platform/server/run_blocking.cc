#include "common/platform/server/run_blocking.h"

#include <grpcpp/impl/codegen/server_context.h>

#include <atomic>
#include <chrono>
#include <memory>

#include "common/platform/logging/call_trace.h"
#include "common/platform/server/trace_context_interceptor.h"

namespace jixiao::server {
namespace {

// Who finishes the call: exactly one of the worker (after running the work),
// OnCancel (while the work is still queued) or the refusal path. The phase is
// shared with the queued task because the reactor deletes itself in OnDone,
// possibly while the task is still in the queue.
enum class Phase { kQueued, kRunning, kFinished };

struct BlockingCall {
  std::atomic<Phase> phase{Phase::kQueued};
  grpc::ServerUnaryReactor* reactor = nullptr;  // valid until it is finished
};

class BlockingCallReactor final : public grpc::ServerUnaryReactor {
 public:
  explicit BlockingCallReactor(std::shared_ptr<BlockingCall> call) : call_(std::move(call)) {}

  void OnCancel() override {
    Phase expected = Phase::kQueued;
    if (call_->phase.compare_exchange_strong(expected, Phase::kFinished)) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "call cancelled before its work started"));
    }
  }

  void OnDone() override { delete this; }

 private:
  std::shared_ptr<BlockingCall> call_;
};

}  // namespace

grpc::ServerUnaryReactor* RunBlocking(grpc::CallbackServerContext* context, WorkerPool& pool,
                                      std::function<grpc::Status()> work) {
  auto call = std::make_shared<BlockingCall>();
  auto* reactor = new BlockingCallReactor(call);
  call->reactor = reactor;
  const bool queued = pool.Submit([call, context, work = std::move(work)] {
    Phase expected = Phase::kQueued;
    if (!call->phase.compare_exchange_strong(expected, Phase::kRunning)) return;  // cancelled
    grpc::Status status;
    {
      // Whatever the work logs carries the call's trace id.
      const logging::ScopedCallTrace trace(TraceIdOf(*context));
      status = work();
    }
    // A downstream call made for this one is cancelled when this call's
    // deadline passes, and says CANCELLED; what ended it is the deadline.
    // (The context lives until the call is finished, below.)
    if (status.error_code() == grpc::StatusCode::CANCELLED &&
        context->deadline() <= std::chrono::system_clock::now()) {
      status = grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, status.error_message());
    }
    call->phase.store(Phase::kFinished);
    call->reactor->Finish(status);
  });
  if (!queued) {
    call->phase.store(Phase::kFinished);
    reactor->Finish(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                 "server busy: the queue for blocking work is full"));
  }
  return reactor;
}

}  // namespace jixiao::server
