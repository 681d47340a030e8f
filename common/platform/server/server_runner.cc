#include "common/platform/server/server_runner.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/impl/server_builder_option.h>
#include <grpcpp/impl/server_builder_plugin.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/platform/metrics/metrics_registry.h"
#include "common/platform/server/retry_pushback_interceptor.h"
#include "common/platform/server/rpc_log_interceptor.h"
#include "common/platform/server/rpc_metrics_interceptor.h"
#include "common/platform/server/shutdown_signals.h"
#include "common/platform/server/trace_context_interceptor.h"
#include "common/platform/server/unparseable_request_interceptor.h"
#include "common/platform/transport/transport_security.h"

namespace jixiao::server {
namespace {

// Both switches are process-wide in gRPC and act on servers built afterwards.
// Calling the reflection initializer here also makes the linker keep
// grpc++_reflection, whose plugin otherwise registers only through a static
// initializer that a static link may drop.
void EnableHealthAndReflection() {
  static std::once_flag once;
  std::call_once(once, [] {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  });
}

// libgrpc++_reflection registers its plugin for every server as it loads; a server without
// --reflection drops it again.
class WithoutReflection final : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments* /*arguments*/) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) override {
    plugins->erase(std::remove_if(plugins->begin(), plugins->end(),
                                  [](const std::unique_ptr<grpc::ServerBuilderPlugin>& plugin) {
                                    return plugin->name() == "proto_server_reflection";
                                  }),
                   plugins->end());
  }
};

// jixiao_build_info{version} 1: which release a scraped process runs.
void RecordBuildInfo() {
  metrics::GaugeFamily("jixiao_build_info", "The running release; the value is always 1")
      .Add({{"version", JIXIAO_VERSION}})
      .Set(1);
}

}  // namespace

ServerRunner::ServerRunner(ServerConfig config, logging::Logger logger)
    : config_(std::move(config)),
      logger_(logger),
      workers_(static_cast<size_t>(config_.workers), static_cast<size_t>(config_.worker_queue)) {
  // Debian builds Abseil without NDEBUG, which leaves absl::Mutex's deadlock
  // detector on: every lock of every gRPC mutex then updates a global lock
  // graph. Measured at about 2% of a busy service's CPU (docs/benchmarks.md);
  // lock order is a property of the code, tested in development, not a check
  // to pay for on every call in production.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

ServerRunner::~ServerRunner() {
  RequestShutdown();
  Wait();
}

void ServerRunner::AddService(absl::string_view full_name, grpc::Service* service) {
  std::lock_guard<std::mutex> lock(mu_);
  if (state_ != State::kIdle) {
    std::fprintf(stderr, "ServerRunner::AddService after Start\n");
    std::abort();
  }
  services_.emplace_back(std::string(full_name), service);
}

void ServerRunner::AddInterceptor(
    std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> interceptor) {
  std::lock_guard<std::mutex> lock(mu_);
  if (state_ != State::kIdle) {
    std::fprintf(stderr, "ServerRunner::AddInterceptor after Start\n");
    std::abort();
  }
  interceptors_.push_back(std::move(interceptor));
}

absl::StatusOr<int> ServerRunner::Start() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (state_ != State::kIdle || shutdown_requested_) {
      return absl::FailedPreconditionError("ServerRunner::Start: already started or stopping");
    }
  }
  EnableHealthAndReflection();
  if (!config_.metrics_listen.empty()) {
    absl::StatusOr<std::unique_ptr<metrics::MetricsEndpoint>> endpoint =
        metrics::MetricsEndpoint::Start(config_.metrics_listen);
    if (!endpoint.ok()) {
      logger_.Error("metrics_listen_failed", {{"address", config_.metrics_listen},
                                              {"message", endpoint.status().message()}});
      return endpoint.status();
    }
    metrics_endpoint_ = *std::move(endpoint);
    RecordBuildInfo();
    logger_.Info("metrics_listening",
                 {{"address", config_.metrics_listen}, {"port", metrics_endpoint_->port()}});
  }

  grpc::ServerBuilder builder;
  int port = 0;
  // Plaintext only where LoadServerConfig allowed it: loopback or --allow-plaintext.
  builder.AddListeningPort(config_.listen, transport::ServerCredentialsFor(config_.security),
                           &port);
  // gRPC binds with SO_REUSEPORT by default: a second instance on the same port
  // would silently share its traffic instead of failing to start.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(config_.max_receive_message_bytes);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, config_.max_concurrent_streams);
  const int age_ms = static_cast<int>(absl::ToInt64Milliseconds(config_.max_connection_age));
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, age_ms);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS, age_ms);
  if (!config_.reflection) builder.SetOption(std::make_unique<WithoutReflection>());
  for (const auto& [name, service] : services_) builder.RegisterService(service);
  // The status is put right before the log line is written.
  std::vector<std::string> service_names;
  for (const auto& [name, service] : services_) service_names.push_back(name);
  interceptors_.insert(interceptors_.begin(), std::make_unique<RpcLogInterceptorFactory>(logger_));
  interceptors_.insert(interceptors_.begin(), std::make_unique<RpcMetricsInterceptorFactory>());
  interceptors_.insert(interceptors_.begin(), std::make_unique<RetryPushbackInterceptorFactory>());
  // Rewrites the call's traceparent as soon as its metadata arrives, before anything reads it.
  interceptors_.insert(interceptors_.begin(), std::make_unique<TraceContextInterceptorFactory>());
  interceptors_.insert(interceptors_.begin(),
                       std::make_unique<UnparseableRequestInterceptorFactory>(service_names));
  builder.experimental().SetInterceptorCreators(std::move(interceptors_));

  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    if (server != nullptr) server->Shutdown();
    logger_.Error("listen_failed", {{"address", config_.listen}});
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", config_.listen, " (address in use or not local?)"));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  health->SetServingStatus("", true);
  for (const auto& [name, service] : services_) health->SetServingStatus(name, true);

  {
    std::lock_guard<std::mutex> lock(mu_);
    if (state_ != State::kIdle) {
      // A concurrent Wait began the shutdown while the server was being built.
      server->Shutdown();
      return absl::CancelledError("ServerRunner::Start: shut down while starting");
    }
    server_ = std::move(server);
    port_ = port;
    state_ = State::kRunning;
  }
  changed_.notify_all();
  logger_.Info("listening", {{"address", config_.listen},
                             {"reflection", config_.reflection},
                             {"tls", config_.security.serves_tls()},
                             {"access_policy", config_.access_policy != nullptr},
                             {"port", port},
                             {"workers", config_.workers},
                             {"worker_queue", config_.worker_queue},
                             {"lame_duck_seconds", absl::ToInt64Seconds(config_.lame_duck)},
                             {"drain_seconds", absl::ToInt64Seconds(config_.drain)}});
  for (const std::string& name : config_.unknown_environment) {
    logger_.Warn("unknown_environment_variable", {{"name", name}});
  }
  if (config_.access_policy == nullptr) {
    logger_.Warn("access_control_off",
                 {{"reason", "no --access-policy: every caller may read and write everything"}});
  }
  return port;
}

void ServerRunner::RequestShutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    shutdown_requested_ = true;
  }
  changed_.notify_all();
}

void ServerRunner::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return shutdown_requested_ || state_ == State::kStopped; });
  if (state_ == State::kStopping || state_ == State::kStopped) {
    // Another caller carries out the shutdown; wait for it to end.
    changed_.wait(lock, [this] { return state_ == State::kStopped; });
    return;
  }
  state_ = State::kStopping;
  lock.unlock();
  CarryOutShutdown();
  lock.lock();
  state_ = State::kStopped;
  changed_.notify_all();
}

void ServerRunner::CarryOutShutdown() {
  const auto started = std::chrono::steady_clock::now();
  if (server_ != nullptr) {
    logger_.Info("shutting_down", {{"lame_duck_seconds", absl::ToInt64Seconds(config_.lame_duck)},
                                   {"drain_seconds", absl::ToInt64Seconds(config_.drain)}});
    // Load balancers and watchers see NOT_SERVING before connections go away.
    // Health/Watch streams get NOT_SERVING too, but gRPC 1.51's health service
    // never ends them: a client still watching holds Shutdown until the
    // deadline, when gRPC cancels the remaining calls. gRPC's own client-side
    // health checking does hang up, when the server's GOAWAY reaches it.
    server_->GetHealthCheckService()->SetServingStatus(false);
    // The lame duck: still serving every call, while watching clients move away.
    if (config_.lame_duck > absl::ZeroDuration()) absl::SleepFor(config_.lame_duck);
    server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoNanoseconds(config_.drain));
    server_->Wait();
  }
  // Tasks of calls cancelled at the deadline are skipped, not run (see RunBlocking).
  const size_t still_queued = workers_.queued();
  workers_.Shutdown();
  if (server_ != nullptr) {
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - started;
    logger_.Info("stopped", {{"port", port_},
                             {"shutdown_ms", static_cast<int64_t>(elapsed.count())},
                             {"worker_tasks_left", still_queued}});
  }
}

absl::Status ServerRunner::Run(std::function<void(int port)> on_listening) {
  IgnoreSigpipe();
  ShutdownSignalWatcher signals([this](int signal_number) {
    logger_.Info("signal", {{"signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT"}});
    RequestShutdown();
  });
  absl::StatusOr<int> port = Start();
  if (!port.ok()) {
    RequestShutdown();
    Wait();
    return port.status();
  }
  if (on_listening) on_listening(*port);
  Wait();
  return absl::OkStatus();
}

}  // namespace jixiao::server
