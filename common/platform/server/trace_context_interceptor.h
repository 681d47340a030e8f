#pragma once

// Continues the caller's W3C trace (common/platform/tracing/trace_context.h) on every call a
// service serves: when the call's metadata arrives, its `traceparent` is replaced by the one
// this service passes on (the caller's trace id, or a new one, and a span id of this call).
// Everything that reads the call's metadata afterwards then sees the same context: the log
// lines (TraceIdOf) and the calls made downstream (DownstreamContext forwards it).

#include <grpcpp/support/server_interceptor.h>

#include <string>

namespace grpc {
class ServerContextBase;
}

namespace jixiao::server {

class TraceContextInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

// The trace id of the call `context` serves; empty before its metadata arrived.
std::string TraceIdOf(const grpc::ServerContextBase& context);

// The call's traceparent, as this service passes it on; empty when it has none.
std::string TraceparentOf(const grpc::ServerContextBase& context);

}  // namespace jixiao::server
