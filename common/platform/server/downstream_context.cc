#include "common/platform/server/downstream_context.h"

#include <grpcpp/impl/codegen/server_context.h>

#include <string>

#include "common/platform/server/trace_context_interceptor.h"
#include "common/platform/tracing/trace_context.h"

namespace jixiao::server {

std::unique_ptr<grpc::ClientContext> DownstreamContext(grpc::CallbackServerContext* incoming) {
  std::unique_ptr<grpc::ClientContext> context =
      grpc::ClientContext::FromCallbackServerContext(*incoming);
  // The incoming call's traceparent already names this service's span (see
  // trace_context_interceptor.h): it is what the callee continues.
  if (std::string traceparent = TraceparentOf(*incoming); !traceparent.empty()) {
    context->AddMetadata(tracing::kTraceparentHeader, traceparent);
  }
  return context;
}

}  // namespace jixiao::server
