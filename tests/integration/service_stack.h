#pragma once
// The whole system for an integration test: a private redis-server and the
// three service binaries on loopback, wired together as in production, with
// client stubs for each. Everything stops and is deleted when the stack is
// destroyed.
#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
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
  const std::string& ingest_address() const { return ingest_address_; }
  const std::string& scoring_address() const { return scoring_address_; }
  std::string query_address() const { return query_->address(); }

 private:
  ServiceStack() = default;
  absl::Status Launch(const StackOptions& options);

  std::string ingest_address_;
  std::string scoring_address_;

  std::unique_ptr<TempDir> directory_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::unique_ptr<ServiceProcess> scoring_;
  std::unique_ptr<ServiceProcess> query_;
  std::shared_ptr<grpc::Channel> ingest_channel_;
  std::shared_ptr<grpc::Channel> scoring_channel_;
  std::shared_ptr<grpc::Channel> query_channel_;
  std::unique_ptr<jixiao::v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<jixiao::v1::ScoringService::Stub> scoring_stub_;
  std::unique_ptr<jixiao::v1::QueryService::Stub> query_stub_;
};

}  // namespace jixiao::testing
