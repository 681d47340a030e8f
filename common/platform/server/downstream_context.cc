#include "common/platform/server/downstream_context.h"

#include <grpcpp/impl/codegen/server_context.h>

namespace jixiao::server {

std::unique_ptr<grpc::ClientContext> DownstreamContext(grpc::CallbackServerContext* incoming) {
  return grpc::ClientContext::FromCallbackServerContext(*incoming);
}

}  // namespace jixiao::server
