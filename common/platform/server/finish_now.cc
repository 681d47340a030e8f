#include "common/platform/server/finish_now.h"

#include <grpcpp/impl/codegen/server_context.h>

namespace jixiao::server {

grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* context,
                                    const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

}  // namespace jixiao::server
