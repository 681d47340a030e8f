#pragma once

// The configuration every jixiao service shares (listen address, worker pool,
// drain deadline, log level, message size), read from flags and JIXIAO_*
// variables through an OptionTable to which each service adds its own keys.
//
//   OptionTable options = CommonServerOptions();
//   options.SetDefault("listen", "0.0.0.0:50051");
//   options.Add({"store", "JIXIAO_STORE", "sqlite:ingest.db", "where reports live", NonEmpty()});
//   absl::StatusOr<ServerConfig> config = LoadServerConfig(options, argc, argv);
//   if (std::optional<int> code = ExitCodeForConfig(config, options, "jixiao-ingest")) return
//   *code; std::string store = config->options.Get("store");

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/logging/log_level.h"
#include "common/platform/server/option_table.h"

namespace jixiao::server {

struct ServerConfig {
  // HOST:PORT; port 0 picks a free port (the server reports which).
  std::string listen = "0.0.0.0:50051";
  // Threads and queue of the pool that runs blocking work.
  int workers = 4;
  int worker_queue = 1024;
  // How long in-flight calls may take to finish after SIGTERM before they are cancelled.
  absl::Duration drain = absl::Seconds(10);
  logging::LogLevel log_level = logging::LogLevel::kInfo;
  // Largest request accepted; gRPC's own default is 4 MiB.
  int max_receive_message_bytes = 4 * 1024 * 1024;

  // Every option's value, the service's own keys included.
  OptionValues options;
};

// The table of common options: --listen, --workers, --worker-queue,
// --drain-seconds, --log-level, --max-receive-bytes (variables JIXIAO_LISTEN,
// JIXIAO_WORKERS, JIXIAO_WORKER_QUEUE, JIXIAO_DRAIN_SECONDS, JIXIAO_LOG_LEVEL,
// JIXIAO_MAX_RECEIVE_BYTES). Services add theirs before loading.
OptionTable CommonServerOptions();

// Parses `args` (without the program name) and `env` with `options`, which
// must contain the common options.
absl::StatusOr<ServerConfig> LoadServerConfig(const OptionTable& options,
                                              absl::Span<const std::string> args,
                                              const Environment& env);

// The same from main's arguments and the process environment.
absl::StatusOr<ServerConfig> LoadServerConfig(const OptionTable& options, int argc,
                                              const char* const* argv);

// What main does with the result: on --help prints the usage to stdout and
// returns 0; on an error prints `program: message` and a hint to stderr and
// returns 2; otherwise returns nothing and main goes on.
std::optional<int> ExitCodeForConfig(const absl::StatusOr<ServerConfig>& config,
                                     const OptionTable& options, absl::string_view program);

}  // namespace jixiao::server
