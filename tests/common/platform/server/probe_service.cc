#include "tests/common/platform/server/probe_service.h"

#include <grpcpp/impl/codegen/rpc_service_method.h>
#include <grpcpp/impl/codegen/server_callback_handlers.h>
#include <grpcpp/impl/codegen/server_context.h>

#include <chrono>
#include <string>
#include <vector>

#include "common/platform/server/downstream_context.h"
#include "common/platform/server/run_blocking.h"

namespace jixiao::server::testing {
namespace {

using UnaryHandler = grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, grpc::ByteBuffer>;

grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* context,
                                    const grpc::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

}  // namespace

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string FromByteBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

void Gate::NoteHandled() {
  std::lock_guard<std::mutex> lock(mu_);
  ++handled_;
  changed_.notify_all();
}

bool Gate::WaitForHandled(int count, absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                           [&] { return handled_ >= count; });
}

void Gate::EnterAndWait() {
  std::unique_lock<std::mutex> lock(mu_);
  ++entered_;
  changed_.notify_all();
  changed_.wait(lock, [this] { return open_; });
}

bool Gate::WaitForEntered(int count, absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                           [&] { return entered_ >= count; });
}

void Gate::Open() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
  }
  changed_.notify_all();
}

int Gate::entered() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entered_;
}

ProbeService::ProbeService(WorkerPool& pool, Gate& gate) {
  // The same registration generated code performs for a callback method.
  int index = 0;
  auto add = [this, &index](const char* name, UnaryHandler* handler) {
    AddMethod(new grpc::internal::RpcServiceMethod(name, grpc::internal::RpcMethod::NORMAL_RPC,
                                                   /*handler=*/nullptr));
    MarkMethodCallback(index++, handler);
  };
  add(kEchoMethod,
      new UnaryHandler([](grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                          grpc::ByteBuffer* response) {
        *response = *request;
        return FinishNow(context, grpc::Status::OK);
      }));
  add(kFailMethod, new UnaryHandler([](grpc::CallbackServerContext* context,
                                       const grpc::ByteBuffer* request, grpc::ByteBuffer*) {
        return FinishNow(
            context, grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, FromByteBuffer(*request)));
      }));
  add(kUnavailableMethod, new UnaryHandler([](grpc::CallbackServerContext* context,
                                              const grpc::ByteBuffer* request, grpc::ByteBuffer*) {
        return FinishNow(context,
                         grpc::Status(grpc::StatusCode::UNAVAILABLE, FromByteBuffer(*request)));
      }));
  add(kBlockingMethod,
      new UnaryHandler([&pool, &gate](grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) {
        grpc::ServerUnaryReactor* reactor = RunBlocking(context, pool, [&gate, request, response] {
          gate.EnterAndWait();
          *response = *request;
          return grpc::Status::OK;
        });
        gate.NoteHandled();
        return reactor;
      }));
  add(kRemainingMethod, new UnaryHandler([](grpc::CallbackServerContext* context,
                                            const grpc::ByteBuffer*, grpc::ByteBuffer* response) {
        const auto left = context->deadline() - std::chrono::system_clock::now();
        const bool none = left > std::chrono::hours(24 * 365);
        *response = ToByteBuffer(
            none ? "none"
                 : std::to_string(
                       std::chrono::duration_cast<std::chrono::milliseconds>(left).count()));
        return FinishNow(context, grpc::Status::OK);
      }));
  add(kHopMethod, new UnaryHandler([this](grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer*, grpc::ByteBuffer* response) {
        // The downstream call uses the callback client API, so that no gRPC
        // thread waits for it. Its state holds no channel reference (see
        // downstream_).
        struct Downstream {
          std::unique_ptr<grpc::ClientContext> context;
          grpc::ByteBuffer request = ToByteBuffer("");
          grpc::ByteBuffer response;
        };
        auto hop = std::make_shared<Downstream>();
        hop->context = DownstreamContext(context);
        grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
        downstream_->UnaryCall(hop->context.get(), kRemainingMethod, grpc::StubOptions(),
                               &hop->request, &hop->response,
                               [hop, reactor, response](grpc::Status status) {
                                 *response = hop->response;
                                 reactor->Finish(status);
                               });
        return reactor;
      }));
}

void ProbeService::SetDownstream(std::shared_ptr<grpc::Channel> channel) {
  downstream_ = std::make_unique<grpc::GenericStub>(std::move(channel));
}

}  // namespace jixiao::server::testing
