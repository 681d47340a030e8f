#pragma once
// The whole system for an integration test: a private redis-server and the
// three service binaries on loopback, wired together as in production, with
// client stubs for each. Everything stops and is deleted when the stack is
// destroyed.
#include <grpcpp/channel.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/platform/transport/transport_security.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "jixiao/v1/query_service.grpc.pb.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "tests/support/redis_server.h"
#include "tests/support/service_process.h"
#include "tests/support/temp_dir.h"

namespace jixiao::testing {

struct StackOptions {
  // Empty: a SQLite file in the stack's temporary directory.
  std::string store_url;
  // Given to all three services: TLS files, --access-policy, --token-file.
  std::vector<std::string> service_flags;
  // How the stack's own stubs call the services.
  transport::TransportSecurity client;
};

// The services of a stack, for the fault tests that stop one of them.
enum class Service { kIngest = 0, kScoring = 1, kQuery = 2 };

class ServiceStack {
 public:
  static absl::StatusOr<std::unique_ptr<ServiceStack>> Start(const StackOptions& options);
  static absl::StatusOr<std::unique_ptr<ServiceStack>> Start(const std::string& store_url = "") {
    return Start(StackOptions{store_url, {}, {}});
  }
  ~ServiceStack();

  RedisServer& redis() { return *redis_; }
  jixiao::v1::IngestService::Stub& ingest() { return *ingest_stub_; }
  jixiao::v1::ScoringService::Stub& scoring() { return *scoring_stub_; }
  jixiao::v1::QueryService::Stub& query() { return *query_stub_; }

  // The services' logs, for failure messages.
  std::string Logs() const;

  // "127.0.0.1:<port>" of each service, for channels of other identities.
  const std::string& ingest_address() const { return address(Service::kIngest); }
  const std::string& scoring_address() const { return address(Service::kScoring); }
  const std::string& query_address() const { return address(Service::kQuery); }
  // Fixed for the stack's life: a restarted service listens where it did.
  const std::string& address(Service service) const {
    return launches_[static_cast<int>(service)].address;
  }

  // The running process of a service; null while it is down.
  ServiceProcess* process(Service service) {
    return launches_[static_cast<int>(service)].process.get();
  }

  // Whether the service's process is alive: started, and not exited, crashed or killed since.
  bool Running(Service service);

  // Faults. Kill: SIGKILL, as a crash or the OOM killer ends a process (no drain).
  // Stop: SIGTERM, the graceful stop; the wait status, DEADLINE_EXCEEDED (and killed)
  // when it outlasts `deadline`. Restart: the same binary and flags (the same store,
  // the same address) again, once listening; the service must be down.
  void Kill(Service service);
  absl::StatusOr<int> Stop(Service service, absl::Duration deadline);
  absl::Status Restart(Service service);

 private:
  // How a service is started, kept to restart it.
  struct Launched {
    std::string binary;
    std::vector<std::string> flags;
    std::string address;
    std::unique_ptr<ServiceProcess> process;
  };

  ServiceStack() = default;
  absl::Status Launch(const StackOptions& options);
  Launched& launched(Service service) { return launches_[static_cast<int>(service)]; }

  std::unique_ptr<TempDir> directory_;
  std::unique_ptr<RedisServer> redis_;
  std::array<Launched, 3> launches_;
  std::string earlier_logs_;  // of the processes that restarts replaced
  std::shared_ptr<grpc::Channel> ingest_channel_;
  std::shared_ptr<grpc::Channel> scoring_channel_;
  std::shared_ptr<grpc::Channel> query_channel_;
  std::unique_ptr<jixiao::v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<jixiao::v1::ScoringService::Stub> scoring_stub_;
  std::unique_ptr<jixiao::v1::QueryService::Stub> query_stub_;
};

}  // namespace jixiao::testing
