#include "common/platform/server/rpc_log_interceptor.h"

#include <grpcpp/impl/codegen/server_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "common/platform/server/grpc_status.h"
#include "common/platform/server/trace_context_interceptor.h"
#include "common/utf8/utf8.h"

namespace jixiao::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

// Long messages (a list of every violation, say) are cut so that one line stays readable.
constexpr size_t kMaxLoggedMessage = 300;

logging::LogLevel LevelFor(absl::string_view method, grpc::StatusCode code) {
  // Health checks come from probes and from every client channel (a Watch each, which
  // gRPC's health service ends UNKNOWN "OnCancel()" when the client hangs up): routine.
  if (absl::StartsWith(method, "/grpc.health.v1.Health/")) return logging::LogLevel::kDebug;
  switch (code) {
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DATA_LOSS:
      return logging::LogLevel::kError;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return logging::LogLevel::kWarn;
    default:
      return logging::LogLevel::kInfo;
  }
}

// Cuts at a character boundary: Chinese messages are UTF-8, and half a
// character would make the line invalid UTF-8.
std::string Shortened(const std::string& message) {
  if (message.size() <= kMaxLoggedMessage) return message;
  return std::string(utf8::PrefixAtCharBoundary(message, kMaxLoggedMessage)) + "...";
}

class RpcLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  RpcLogInterceptor(grpc::experimental::ServerRpcInfo* info, const logging::Logger& logger)
      : info_(info), logger_(logger), start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      LogCompletion(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  void LogCompletion(const grpc::Status& status) {
    const absl::string_view method = info_->method();
    const logging::LogLevel level = LevelFor(method, status.error_code());
    if (!logger_.Enabled(level)) return;
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start_;
    grpc::ServerContextBase* context = info_->server_context();
    std::vector<logging::LogField> fields = {
        {"method", method},
        {"status", GrpcStatusCodeName(status.error_code())},
        {"latency_ms", absl::StrFormat("%.3f", elapsed.count())},
        {"peer", context->peer()},
        {"trace_id", TraceIdOf(*context)},
    };
    if (!status.ok()) {
      fields.emplace_back("message", Shortened(status.error_message()));
    }
    if (context->IsCancelled()) fields.emplace_back("cancelled", true);
    logger_.Log(level, "rpc", fields);
  }

  grpc::experimental::ServerRpcInfo* info_;
  const logging::Logger logger_;
  const std::chrono::steady_clock::time_point start_;
};

}  // namespace

grpc::experimental::Interceptor* RpcLogInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RpcLogInterceptor(info, logger_);
}

}  // namespace jixiao::server
