#pragma once

// One log line per RPC, written by a server interceptor so that handlers carry
// no logging code:
//
//   ts=... level=info event=rpc method=/jixiao.v1.IngestService/SubmitReport
//       status=OK latency_ms=1.204 peer=ipv4:127.0.0.1:53824
//       trace_id=4bf92f3577b34da6a3ce929d0e0e4736
//
// The line is written when the server sends the status, so it exists by the
// time the client sees the answer. Failed calls add `message=`; calls the
// client cancelled add `cancelled=true`. Levels: server faults (INTERNAL,
// UNKNOWN, DATA_LOSS) are error; overload and timeouts (RESOURCE_EXHAUSTED,
// UNAVAILABLE, DEADLINE_EXCEEDED) are warn; successful health checks are debug,
// since probes arrive every few seconds; everything else is info.

#include <grpcpp/support/server_interceptor.h>

#include "common/platform/logging/logger.h"

namespace jixiao::server {

class RpcLogInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RpcLogInterceptorFactory(logging::Logger logger) : logger_(logger) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  logging::Logger logger_;
};

}  // namespace jixiao::server
