#include "services/query/query_call.h"

#include <grpcpp/impl/codegen/server_context.h>

#include <algorithm>

#include "common/platform/server/downstream_context.h"

namespace jixiao::query {

QueryCall::QueryCall(grpc::CallbackServerContext* incoming, absl::Duration downstream_timeout)
    : incoming_(incoming), downstream_timeout_(downstream_timeout) {}

std::unique_ptr<grpc::ClientContext> QueryCall::NewDownstreamContext() const {
  std::unique_ptr<grpc::ClientContext> context = server::DownstreamContext(incoming_);
  // gRPC takes the earlier of this and the propagated deadline.
  context->set_deadline(std::chrono::system_clock::now() +
                        absl::ToChronoMilliseconds(downstream_timeout_));
  return context;
}

std::chrono::system_clock::time_point QueryCall::DownstreamWaitDeadline() const {
  return std::min(incoming_->deadline(), std::chrono::system_clock::now() +
                                             absl::ToChronoMilliseconds(downstream_timeout_));
}

}  // namespace jixiao::query
