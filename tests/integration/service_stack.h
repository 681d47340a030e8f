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
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "jixiao/v1/query_service.grpc.pb.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "tests/support/redis_server.h"
#include "tests/support/service_process.h"
#include "tests/support/temp_dir.h"

namespace jixiao::testing {

class ServiceStack {
 public:
  // `store_url` empty: a SQLite file in the stack's temporary directory.
  static absl::StatusOr<std::unique_ptr<ServiceStack>> Start(const std::string& store_url = "");
  ~ServiceStack();

  RedisServer& redis() { return *redis_; }
  jixiao::v1::IngestService::Stub& ingest() { return *ingest_stub_; }
  jixiao::v1::ScoringService::Stub& scoring() { return *scoring_stub_; }
  jixiao::v1::QueryService::Stub& query() { return *query_stub_; }

  // The services' logs, for failure messages.
  std::string Logs() const;

 private:
  ServiceStack() = default;
  absl::Status Launch(const std::string& store_url);

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
