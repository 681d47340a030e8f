// jixiao-echo: the echo baseline (jixiao.bench.v1.EchoService/Echo answers with
// its request's payload). It runs on the same ServerRunner and reads the same
// options as the real services, so it pays what they pay per call (the log
// interceptor, health and reflection) and nothing else: the throughput jixiao-load
// measures against it is the ceiling of the RPC stack on this machine.
//
//   jixiao-echo                                # listens on 127.0.0.1:50059
//   jixiao-echo --listen 127.0.0.1:0           # a free port, logged as event=listening port=N
//
// Logs go to stderr, one key=value line per call like every service. SIGTERM
// or SIGINT drains in-flight calls and exits 0.
#include <optional>

#include "bench/echo/echo_service.h"
#include "common/platform/logging/logger.h"
#include "common/platform/server/server_config.h"
#include "common/platform/server/server_runner.h"

namespace {

constexpr char kProgram[] = "jixiao-echo";

}  // namespace

int main(int argc, char** argv) {
  using namespace jixiao;

  server::ServerOptions options(kProgram, "The echo baseline of jixiao-load.", "127.0.0.1:50059");
  const absl::StatusOr<server::ServerConfig> config = server::LoadServerConfig(options, argc, argv);
  if (std::optional<int> code = server::ExitCodeForConfig(config, options)) return *code;
  const logging::Logger logger(config->log_level);

  // Declared before the runner, so that the server stops before the service goes.
  bench::EchoServiceImpl service;
  server::ServerRunner runner(*config, logger);
  runner.AddService(jixiao::bench::v1::EchoService::service_full_name(), &service);
  if (absl::Status status = runner.Run(); !status.ok()) {
    logger.Error("server_failed", {{"error", status.ToString()}});
    return 1;
  }
  return 0;
}
