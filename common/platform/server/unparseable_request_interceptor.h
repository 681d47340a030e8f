#pragma once

// gRPC 1.51's callback server answers a request it cannot parse (bytes that are no
// message of the method's type, a string field that is not UTF-8, nesting past the
// parser's limit) with UNIMPLEMENTED and no message, as if the method did not exist. This
// interceptor turns that answer, for the methods of the services registered, into
// INVALID_ARGUMENT naming the type the request should have been. No handler of ours answers
// UNIMPLEMENTED without a message, so nothing else is touched.

#include <grpcpp/support/server_interceptor.h>

#include <map>
#include <string>
#include <vector>

namespace jixiao::server {

class UnparseableRequestInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `services`: full names of the services registered ("jixiao.v1.IngestService"), looked
  // up in the generated descriptor pool; a name it does not know is left alone.
  explicit UnparseableRequestInterceptorFactory(const std::vector<std::string>& services);

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  // "/jixiao.v1.IngestService/SubmitReport" → "jixiao.v1.SubmitReportRequest"
  std::map<std::string, std::string, std::less<>> request_types_;
};

}  // namespace jixiao::server
