#include "common/platform/server/trace_context_interceptor.h"

#include <grpcpp/impl/codegen/server_context.h>

#include <map>
#include <optional>

#include "absl/random/random.h"
#include "common/platform/tracing/trace_context.h"

namespace jixiao::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class TraceContextInterceptor final : public grpc::experimental::Interceptor {
 public:
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      Continue(methods->GetRecvInitialMetadata());
    }
    methods->Proceed();
  }

 private:
  void Continue(std::multimap<grpc::string_ref, grpc::string_ref>* metadata) {
    std::optional<tracing::TraceContext> incoming;
    auto [first, last] = metadata->equal_range(tracing::kTraceparentHeader);
    // Two traceparent headers make the context invalid (the specification).
    if (first != last && std::next(first) == last) {
      incoming =
          tracing::ParseTraceparent(absl::string_view(first->second.data(), first->second.size()));
    }
    metadata->erase(first, last);
    // Random ids need no lock: each gRPC thread draws from a generator of its own.
    thread_local absl::BitGen random;
    traceparent_ = tracing::FormatTraceparent(tracing::ContinueTrace(incoming, random));
    // The map's string_refs point into this interceptor, which lives as long as the call.
    metadata->emplace(grpc::string_ref(tracing::kTraceparentHeader),
                      grpc::string_ref(traceparent_));
  }

  std::string traceparent_;
};

}  // namespace

grpc::experimental::Interceptor* TraceContextInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* /*info*/) {
  return new TraceContextInterceptor();
}

std::string TraceparentOf(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  auto found = metadata.find(tracing::kTraceparentHeader);
  if (found == metadata.end()) return "";
  return std::string(found->second.data(), found->second.size());
}

std::string TraceIdOf(const grpc::ServerContextBase& context) {
  std::optional<tracing::TraceContext> trace = tracing::ParseTraceparent(TraceparentOf(context));
  return trace.has_value() ? trace->trace_id : "";
}

}  // namespace jixiao::server
