#pragma once

// The configuration every jixiao service shares (listen address, worker pool,
// drain deadline, log level, message size), read from flags and JIXIAO_*
// variables. Each service binds its own options next to the common ones:
//
//   IngestSettings ingest;
//   ServerOptions options("jixiao-ingest", "Stores evaluation reports.", "127.0.0.1:50051");
//   options.set().Add("--store", ingest.store, "where reports live", "JIXIAO_STORE");
//   absl::StatusOr<ServerConfig> config = LoadServerConfig(options, argc, argv);
//   if (std::optional<int> code = ExitCodeForConfig(config, options)) return *code;

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/access/access_policy.h"
#include "common/platform/logging/log_level.h"
#include "common/platform/options/option_set.h"
#include "common/platform/transport/transport_security.h"

namespace jixiao::server {

struct ServerConfig {
  // HOST:PORT; port 0 picks a free port (the server reports which). Without TLS, a host
  // that is not a loopback address needs allow_plaintext.
  std::string listen = "127.0.0.1:50051";
  bool allow_plaintext = false;
  // TLS served, and used for the calls the service makes to the others.
  transport::TransportSecurity security;
  // Who may call (--access-policy); null: every caller may do everything.
  std::shared_ptr<const access::AccessPolicy> access_policy;
  // Threads and queue of the pool that runs blocking work.
  int workers = 4;
  int worker_queue = 1024;
  // After SIGTERM, how long the server keeps serving with its health NOT_SERVING before
  // it stops taking calls: clients that watch health (every jixiao channel does) move
  // their new calls to other replicas meanwhile, so none arrives as the listener closes.
  absl::Duration lame_duck = absl::ZeroDuration();
  // How long in-flight calls may take to finish once the server stops taking calls,
  // before they are cancelled.
  absl::Duration drain = absl::Seconds(10);
  logging::LogLevel log_level = logging::LogLevel::kInfo;
  // Largest request accepted; gRPC's own default is 4 MiB.
  int max_receive_message_bytes = 4 * 1024 * 1024;
  // Calls one client connection may have open at once.
  int max_concurrent_streams = 100;
  // A connection is closed (GOAWAY) once this old, and its calls still open get as long
  // again to finish before they are cancelled: no call outlives twice this, whatever
  // deadline its client set. Reconnecting clients also spread over new replicas.
  absl::Duration max_connection_age = absl::Minutes(5);
  // grpc.reflection.v1alpha.ServerReflection, for tools such as grpcurl.
  bool reflection = false;
  // HOST:PORT of the Prometheus metrics endpoint (plain HTTP, GET /metrics); empty: none.
  std::string metrics_listen;

  // JIXIAO_* variables no option reads, logged as a warning at start.
  std::vector<std::string> unknown_environment;
  // --help was given: nothing was checked, and main prints the usage.
  bool help_requested = false;
};

// The common options: --listen, --allow-plaintext, --workers, --worker-queue,
// --lame-duck-seconds, --drain-seconds, --log-level, --max-receive-bytes, --max-concurrent-streams,
// --max-connection-age-seconds, --reflection, --metrics-listen, --access-policy and the TLS options
// of transport_security.h (variables JIXIAO_ + the option's name in upper case, '-' as '_'), bound
// into an option set that the service adds its own options to before loading.
class ServerOptions {
 public:
  ServerOptions(std::string program, std::string description, std::string default_listen);

  options::OptionSet& set() { return set_; }
  const options::OptionSet& set() const { return set_; }

 private:
  friend absl::StatusOr<ServerConfig> LoadServerConfig(ServerOptions& options,
                                                       absl::Span<const std::string> args,
                                                       const options::Environment& env);
  options::OptionSet set_;
  ServerConfig config_;
  std::string log_level_ = "info";
  std::string access_policy_file_;
};

// Parses `args` (without the program name) and `env` into the common
// configuration and the fields the service bound.
absl::StatusOr<ServerConfig> LoadServerConfig(ServerOptions& options,
                                              absl::Span<const std::string> args,
                                              const options::Environment& env);

// The same from main's arguments and the process environment.
absl::StatusOr<ServerConfig> LoadServerConfig(ServerOptions& options, int argc,
                                              const char* const* argv);

// What main does with the result: on --help prints the usage to stdout and
// returns 0; on an error prints `program: message` and a hint to stderr and
// returns 2; otherwise returns nothing and main goes on.
std::optional<int> ExitCodeForConfig(const absl::StatusOr<ServerConfig>& config,
                                     const ServerOptions& options);

}  // namespace jixiao::server
