#include "common/platform/server/server_config.h"

#include <iostream>

#include "common/platform/server/option_validators.h"

namespace jixiao::server {

OptionTable CommonServerOptions() {
  OptionTable table;
  table.Add({"listen", "JIXIAO_LISTEN", "0.0.0.0:50051",
             "address to listen on, HOST:PORT; port 0 picks a free port", HostPort()});
  table.Add({"workers", "JIXIAO_WORKERS", "4", "threads that run blocking work (database, Redis)",
             IntInRange(1, 256)});
  table.Add({"worker-queue", "JIXIAO_WORKER_QUEUE", "1024",
             "blocking tasks that may wait for a worker; beyond it calls get RESOURCE_EXHAUSTED",
             IntInRange(1, 1000000)});
  table.Add({"drain-seconds", "JIXIAO_DRAIN_SECONDS", "10",
             "after SIGTERM, how long in-flight calls may take before they are cancelled",
             IntInRange(0, 3600)});
  table.Add({"log-level", "JIXIAO_LOG_LEVEL", "info", "lowest level logged",
             OneOf({"debug", "info", "warn", "error"})});
  table.Add({"max-receive-bytes", "JIXIAO_MAX_RECEIVE_BYTES", "4194304",
             "largest request message accepted, in bytes", IntInRange(1024, 1024 * 1024 * 1024)});
  return table;
}

absl::StatusOr<ServerConfig> LoadServerConfig(const OptionTable& options,
                                              absl::Span<const std::string> args,
                                              const Environment& env) {
  absl::StatusOr<OptionValues> values = options.Parse(args, env);
  if (!values.ok()) return values.status();
  ServerConfig config;
  config.options = *std::move(values);
  if (config.options.help_requested()) return config;

  const OptionValues& v = config.options;
  config.listen = v.Get("listen");
  config.workers = static_cast<int>(v.GetInt("workers"));
  config.worker_queue = static_cast<int>(v.GetInt("worker-queue"));
  config.drain = absl::Seconds(v.GetInt("drain-seconds"));
  absl::StatusOr<logging::LogLevel> level = logging::ParseLogLevel(v.Get("log-level"));
  if (!level.ok()) return level.status();  // unreachable after OneOf, kept for safety
  config.log_level = *level;
  config.max_receive_message_bytes = static_cast<int>(v.GetInt("max-receive-bytes"));
  return config;
}

absl::StatusOr<ServerConfig> LoadServerConfig(const OptionTable& options, int argc,
                                              const char* const* argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return LoadServerConfig(options, args, ProcessEnvironment());
}

std::optional<int> ExitCodeForConfig(const absl::StatusOr<ServerConfig>& config,
                                     const OptionTable& options, absl::string_view program) {
  if (!config.ok()) {
    std::cerr << program << ": " << config.status().message() << "\n"
              << "Run " << program << " --help for the options.\n";
    return 2;
  }
  if (config->options.help_requested()) {
    std::cout << options.Usage(program);
    return 0;
  }
  return std::nullopt;
}

}  // namespace jixiao::server
