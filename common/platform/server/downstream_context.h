#pragma once

// A client context for a call made while serving another one (scoring asking
// ingest, query asking scoring). It carries the incoming call's deadline and
// cancellation downstream, so that a client giving up stops the whole chain, and
// its W3C trace context (traceparent), so that the chain is one trace.

#include <grpcpp/client_context.h>

#include <memory>

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::server {

std::unique_ptr<grpc::ClientContext> DownstreamContext(grpc::CallbackServerContext* incoming);

}  // namespace jixiao::server
