#pragma once

// jixiao.bench.v1.EchoService over gRPC's callback API: the handler answers on
// the gRPC thread that delivered the call, with no worker pool hop, so that the
// echo baseline costs only what the RPC stack and the server bootstrap cost.

#include "bench/echo/echo.grpc.pb.h"

namespace jixiao::bench {

class EchoServiceImpl final : public jixiao::bench::v1::EchoService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context,
                                 const jixiao::bench::v1::EchoRequest* request,
                                 jixiao::bench::v1::EchoResponse* response) override;
};

}  // namespace jixiao::bench
