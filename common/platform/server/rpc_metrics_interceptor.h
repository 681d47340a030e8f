#pragma once

// Per-method call metrics, recorded by a server interceptor so that handlers carry no
// metrics code:
//
//   jixiao_grpc_server_requests_total{grpc_service,grpc_method,grpc_code}   counter
//   jixiao_grpc_server_request_duration_seconds{grpc_service,grpc_method}  histogram
//   jixiao_grpc_server_in_flight_requests                                   gauge
//
// A call is counted when the server sends its status (the code's name, e.g. `OK`,
// `UNAVAILABLE`), or as CANCELLED when it ends without one. grpc.health.v1.Health/Watch
// is not measured: every client channel holds one open for as long as it is connected
// (client-side health checking), so it would read as a call always in flight.

#include <grpcpp/support/server_interceptor.h>

namespace jixiao::server {

class RpcMetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace jixiao::server
