#include "common/platform/server/unparseable_request_interceptor.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"

namespace jixiao::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class UnparseableRequestInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit UnparseableRequestInterceptor(const std::string& request_type)
      : request_type_(request_type) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED &&
          status.error_message().empty()) {
        methods->ModifySendStatus(grpc::Status(
            grpc::StatusCode::INVALID_ARGUMENT,
            absl::StrCat("the request cannot be parsed as a ", request_type_,
                         " (malformed bytes, a string that is not UTF-8, or nesting too deep)")));
      }
    }
    methods->Proceed();
  }

 private:
  const std::string& request_type_;  // owned by the factory, which outlives every call
};

}  // namespace

UnparseableRequestInterceptorFactory::UnparseableRequestInterceptorFactory(
    const std::vector<std::string>& services) {
  const google::protobuf::DescriptorPool& pool =
      *google::protobuf::DescriptorPool::generated_pool();
  for (const std::string& name : services) {
    const google::protobuf::ServiceDescriptor* service = pool.FindServiceByName(name);
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) {
      const google::protobuf::MethodDescriptor& method = *service->method(i);
      request_types_[absl::StrCat("/", name, "/", method.name())] =
          method.input_type()->full_name();
    }
  }
}

grpc::experimental::Interceptor* UnparseableRequestInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  // Not a method of ours (health, reflection): no interceptor at all for the call.
  const auto found = request_types_.find(info->method());
  if (found == request_types_.end()) return nullptr;
  return new UnparseableRequestInterceptor(found->second);
}

}  // namespace jixiao::server
