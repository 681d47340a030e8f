#include "bench/echo/echo_service.h"

namespace jixiao::bench {

grpc::ServerUnaryReactor* EchoServiceImpl::Echo(grpc::CallbackServerContext* context,
                                                const jixiao::bench::v1::EchoRequest* request,
                                                jixiao::bench::v1::EchoResponse* response) {
  response->set_payload(request->payload());
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace jixiao::bench
