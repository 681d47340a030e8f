#include "common/platform/server/retry_pushback_interceptor.h"

namespace jixiao::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class RetryPushbackInterceptor final : public grpc::experimental::Interceptor {
 public:
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        methods->GetSendStatus().error_code() == grpc::StatusCode::UNAVAILABLE) {
      methods->GetSendTrailingMetadata()->emplace("grpc-retry-pushback-ms", "-1");
    }
    methods->Proceed();
  }
};

}  // namespace

grpc::experimental::Interceptor* RetryPushbackInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* /*info*/) {
  return new RetryPushbackInterceptor();
}

}  // namespace jixiao::server
