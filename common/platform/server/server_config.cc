#include "common/platform/server/server_config.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/platform/options/option_checks.h"
#include "common/platform/server/listen_address.h"
#include "common/platform/server/option_validators.h"

namespace jixiao::server {

ServerOptions::ServerOptions(std::string program, std::string description,
                             std::string default_listen)
    : set_(std::move(program), std::move(description)) {
  config_.listen = std::move(default_listen);
  set_.Add("--listen", config_.listen, "address to listen on, HOST:PORT; port 0 picks a free port",
           "JIXIAO_LISTEN")
      ->type_name("HOST:PORT")
      ->check(HostPort());
  set_.AddFlag("--allow-plaintext", config_.allow_plaintext,
               "serve plaintext gRPC on an address that is not loopback, behind protection of "
               "the network's own",
               "JIXIAO_ALLOW_PLAINTEXT");
  set_.Add("--workers", config_.workers, "threads that run blocking work (database, Redis)",
           "JIXIAO_WORKERS")
      ->check(options::IntInRange(1, 256));
  set_.Add("--worker-queue", config_.worker_queue,
           "blocking tasks that may wait for a worker; beyond it calls get RESOURCE_EXHAUSTED",
           "JIXIAO_WORKER_QUEUE")
      ->check(options::IntInRange(1, 1000000));
  set_.AddDuration("--lame-duck-seconds", config_.lame_duck, absl::Seconds(1),
                   "after SIGTERM, keep serving this long with health NOT_SERVING, so that "
                   "clients watching health move to other replicas before calls are refused",
                   "JIXIAO_LAME_DUCK_SECONDS")
      ->type_name("SECONDS")
      ->check(options::IntInRange(0, 600));
  set_.AddDuration("--drain-seconds", config_.drain, absl::Seconds(1),
                   "then, how long in-flight calls may take before they are cancelled",
                   "JIXIAO_DRAIN_SECONDS")
      ->type_name("SECONDS")
      ->check(options::IntInRange(0, 3600));
  set_.Add("--log-level", log_level_, "lowest level logged: debug, info, warn or error",
           "JIXIAO_LOG_LEVEL")
      ->type_name("LEVEL")
      ->check(options::OneOf({"debug", "info", "warn", "error"}));
  set_.Add("--max-receive-bytes", config_.max_receive_message_bytes,
           "largest request message accepted, in bytes", "JIXIAO_MAX_RECEIVE_BYTES")
      ->check(options::IntInRange(1024, 1024 * 1024 * 1024));
  set_.Add("--max-concurrent-streams", config_.max_concurrent_streams,
           "calls one client connection may have open at once", "JIXIAO_MAX_CONCURRENT_STREAMS")
      ->check(options::IntInRange(1, 100000));
  set_.AddDuration("--max-connection-age-seconds", config_.max_connection_age, absl::Seconds(1),
                   "connections are closed once this old, and their open calls cancelled as "
                   "long again after: no call outlives twice this",
                   "JIXIAO_MAX_CONNECTION_AGE_SECONDS")
      ->type_name("SECONDS")
      ->check(options::IntInRange(1, 7 * 24 * 3600));
  transport::AddTransportSecurityOptions(set_, config_.security);
  set_.Add("--access-policy", access_policy_file_,
           "JSON file of the principals that may call, their roles and jurisdictions; without "
           "it every caller may do everything",
           "JIXIAO_ACCESS_POLICY")
      ->type_name("FILE");
  set_.AddFlag("--reflection", config_.reflection,
               "serve grpc.reflection.v1alpha.ServerReflection (for grpcurl and the like)",
               "JIXIAO_REFLECTION");
  set_.Add("--metrics-listen", config_.metrics_listen,
           "serve Prometheus metrics (plain HTTP, GET /metrics) on HOST:PORT; empty: none",
           "JIXIAO_METRICS_LISTEN")
      ->type_name("HOST:PORT")
      ->check(OptionalHostPort());
}

absl::StatusOr<ServerConfig> LoadServerConfig(ServerOptions& options,
                                              absl::Span<const std::string> args,
                                              const options::Environment& env) {
  absl::StatusOr<options::ParseOutcome> outcome = options.set_.Parse(args, env);
  if (!outcome.ok()) return outcome.status();
  ServerConfig config = options.config_;
  config.help_requested = outcome->help_requested;
  if (config.help_requested) return config;
  absl::StatusOr<logging::LogLevel> level = logging::ParseLogLevel(options.log_level_);
  if (!level.ok()) return level.status();  // unreachable after OneOf, kept for safety
  config.log_level = *level;
  config.unknown_environment = std::move(outcome->unknown_environment);
  if (absl::Status security = transport::CheckTransportSecurity(config.security); !security.ok()) {
    return security;
  }
  if (!options.access_policy_file_.empty()) {
    absl::StatusOr<std::shared_ptr<const access::AccessPolicy>> policy =
        access::LoadAccessPolicy(options.access_policy_file_);
    if (!policy.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--access-policy ", policy.status().message()));
    }
    config.access_policy = *std::move(policy);
  }
  if (!config.security.serves_tls() && !config.allow_plaintext &&
      !IsLoopbackListen(config.listen)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--listen ", config.listen,
        " is not a loopback address, and without --tls-cert the server speaks plaintext "
        "gRPC: serve TLS, listen on 127.0.0.1, or pass --allow-plaintext "
        "(JIXIAO_ALLOW_PLAINTEXT=true) where the network "
        "is protected otherwise"));
  }
  return config;
}

absl::StatusOr<ServerConfig> LoadServerConfig(ServerOptions& options, int argc,
                                              const char* const* argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return LoadServerConfig(options, args, options::ProcessEnvironment());
}

std::optional<int> ExitCodeForConfig(const absl::StatusOr<ServerConfig>& config,
                                     const ServerOptions& options) {
  if (!config.ok()) return options::UsageError(options.set(), config.status());
  if (config->help_requested) {
    std::cout << options.set().Usage();
    return options::kExitOk;
  }
  return std::nullopt;
}

}  // namespace jixiao::server
