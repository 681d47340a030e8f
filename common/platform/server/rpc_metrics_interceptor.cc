#include "common/platform/server/rpc_metrics_interceptor.h"

#include <grpcpp/support/status.h>

#include <chrono>
#include <string>

#include "absl/strings/string_view.h"
#include "common/platform/metrics/metrics_registry.h"
#include "common/platform/server/grpc_status.h"

namespace jixiao::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

constexpr absl::string_view kHealthWatchMethod = "/grpc.health.v1.Health/Watch";

prometheus::Family<prometheus::Counter>& Requests() {
  static auto& family = metrics::CounterFamily("jixiao_grpc_server_requests_total",
                                               "gRPC calls finished, by method and status code");
  return family;
}

prometheus::Family<prometheus::Histogram>& Durations() {
  static auto& family =
      metrics::HistogramFamily("jixiao_grpc_server_request_duration_seconds",
                               "Time from a call's arrival to its status, by method");
  return family;
}

prometheus::Gauge& InFlight() {
  static auto& gauge = metrics::GaugeFamily("jixiao_grpc_server_in_flight_requests",
                                            "gRPC calls arrived and not yet finished")
                           .Add({});
  return gauge;
}

class RpcMetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit RpcMetricsInterceptor(grpc::experimental::ServerRpcInfo* info)
      : start_(std::chrono::steady_clock::now()) {
    // "/jixiao.v1.QueryService/Compare": the service, then the method.
    const absl::string_view full = info->method() != nullptr ? info->method() : "";
    const size_t slash = full.rfind('/');
    if (slash != absl::string_view::npos && slash > 0) {
      service_ = std::string(full.substr(1, slash - 1));
      method_ = std::string(full.substr(slash + 1));
    } else {
      service_ = "unknown";
      method_ = std::string(full);
    }
    InFlight().Increment();
  }

  ~RpcMetricsInterceptor() override {
    if (!recorded_) Record(grpc::StatusCode::CANCELLED);
    InFlight().Decrement();
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Record(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Record(grpc::StatusCode code) {
    recorded_ = true;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    Requests()
        .Add({{"grpc_service", service_},
              {"grpc_method", method_},
              {"grpc_code", std::string(GrpcStatusCodeName(code))}})
        .Increment();
    Durations()
        .Add({{"grpc_service", service_}, {"grpc_method", method_}}, metrics::LatencyBuckets())
        .Observe(elapsed.count());
  }

  const std::chrono::steady_clock::time_point start_;
  std::string service_;
  std::string method_;
  bool recorded_ = false;
};

}  // namespace

grpc::experimental::Interceptor* RpcMetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  if (info->method() != nullptr && absl::string_view(info->method()) == kHealthWatchMethod) {
    return nullptr;  // not intercepted
  }
  return new RpcMetricsInterceptor(info);
}

}  // namespace jixiao::server
