#pragma once

// The one bootstrap of every jixiao service: a callback-API gRPC server with
// the standard health service, server reflection (grpc.reflection.v1alpha), a
// log line per call, a worker pool for blocking work, and a graceful stop.
//
//   ServerRunner runner(*config, logging::Logger(config->log_level));
//   IngestServiceImpl ingest(runner.workers(), ...);
//   runner.AddService(jixiao::v1::IngestService::service_full_name(), &ingest);
//   return runner.Run().ok() ? 0 : 1;  // until SIGTERM or SIGINT
//
// Stopping, whether on a signal or RequestShutdown(): the health service turns
// NOT_SERVING (overall and per service), the server goes on serving for the
// lame-duck period (ServerConfig::lame_duck), then stops taking calls and
// gives in-flight ones until the drain deadline to finish (then cancels them),
// and finally the worker pool runs what is still queued and joins. An open
// Health/Watch stream counts as in flight: gRPC 1.51 sends it NOT_SERVING but
// never ends it, so a watching client keeps the server draining until the
// deadline unless it hangs up on seeing NOT_SERVING.

#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <grpcpp/server.h>
#include <grpcpp/support/server_interceptor.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/platform/logging/logger.h"
#include "common/platform/metrics/metrics_endpoint.h"
#include "common/platform/server/server_config.h"
#include "common/platform/worker_pool/worker_pool.h"

namespace jixiao::server {

class ServerRunner {
 public:
  // Creates the worker pool at once, so that services can be built around it
  // before Start. The config must be valid (LoadServerConfig checks it).
  ServerRunner(ServerConfig config, logging::Logger logger);

  // Stops the server if it still runs (RequestShutdown, then Wait).
  ~ServerRunner();

  ServerRunner(const ServerRunner&) = delete;
  ServerRunner& operator=(const ServerRunner&) = delete;

  WorkerPool& workers() { return workers_; }
  const logging::Logger& logger() const { return logger_; }
  const ServerConfig& config() const { return config_; }

  // Registers a callback service under its full name ("jixiao.v1.IngestService"),
  // the name its health status is reported under. Only before Start. The
  // service must stay alive until the server has stopped (Run or Wait has
  // returned): a running server calls into its handlers at any time.
  void AddService(absl::string_view full_name, grpc::Service* service);

  // Adds an interceptor to every call, after the one that logs it. Only before Start.
  void AddInterceptor(
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> interceptor);

  // Builds the server, binds the configured address and starts serving; marks
  // the overall health ("") and each service SERVING. Returns the port bound,
  // which for port 0 is the one the system picked, and logs
  // `event=listening port=N`. Fails if the address cannot be bound.
  absl::StatusOr<int> Start();

  // Asks for the stop described above; returns at once. Safe from any thread,
  // a handler included, and more than once.
  void RequestShutdown();

  // Blocks until shutdown has been requested and carried out. If the server was
  // never started, only the worker pool is shut down.
  void Wait();

  // For main: ignores SIGPIPE, turns SIGTERM/SIGINT into RequestShutdown,
  // Start()s, tells `on_listening` the port, and Wait()s.
  absl::Status Run(std::function<void(int port)> on_listening = nullptr);

 private:
  void CarryOutShutdown();

  const ServerConfig config_;
  const logging::Logger logger_;
  WorkerPool workers_;
  std::vector<std::pair<std::string, grpc::Service*>> services_;
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors_;                                            // moved into the server at Start
  std::unique_ptr<metrics::MetricsEndpoint> metrics_endpoint_;  // with --metrics-listen
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;

  std::mutex mu_;
  std::condition_variable changed_;
  enum class State { kIdle, kRunning, kStopping, kStopped };
  State state_ = State::kIdle;       // guarded by mu_
  bool shutdown_requested_ = false;  // guarded by mu_
};

}  // namespace jixiao::server
