#pragma once

// Tells clients not to retry the UNAVAILABLE a jixiao handler sends, by the
// trailer `grpc-retry-pushback-ms: -1` (gRPC's retry design, gRFC A6: a negative
// pushback means "do not retry").
//
// Every jixiao channel retries UNAVAILABLE (transport/channel_policy.h). A
// handler answers UNAVAILABLE when what it depends on could not be reached, and
// the channel under it has by then retried that dependency already; were its
// own caller to retry too, and that caller's caller, the attempts would
// multiply by five at every hop while the dependency is down (query -> scoring
// -> ingest: 25 calls, seconds late, for one refusal). So only the hop next to
// the failure retries. The UNAVAILABLE gRPC itself gives for a call no server
// took (a connection refused or lost, a server stopping) carries no such
// trailer and is retried as configured.

#include <grpcpp/support/server_interceptor.h>

namespace jixiao::server {

class RetryPushbackInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace jixiao::server
