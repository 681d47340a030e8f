#include "tests/integration/service_stack.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "absl/strings/str_cat.h"
#include "tests/support/free_port.h"
#include "tests/support/source_dir.h"

namespace jixiao::testing {

absl::StatusOr<std::unique_ptr<ServiceStack>> ServiceStack::Start(const std::string& store_url) {
  std::unique_ptr<ServiceStack> stack(new ServiceStack());
  absl::Status launched = stack->Launch(store_url);
  if (!launched.ok()) {
    return absl::Status(launched.code(),
                        absl::StrCat(launched.message(), "\nlogs:\n", stack->Logs()));
  }
  return stack;
}

absl::Status ServiceStack::Launch(const std::string& store_url) {
  absl::StatusOr<std::unique_ptr<TempDir>> directory = TempDir::Create("jixiao-stack");
  if (!directory.ok()) return directory.status();
  directory_ = *std::move(directory);
  absl::StatusOr<std::unique_ptr<RedisServer>> redis = RedisServer::Start();
  if (!redis.ok()) return redis.status();
  redis_ = *std::move(redis);

  // Ingest and scoring call each other, so their ports are chosen up front.
  absl::StatusOr<int> ingest_port = PickFreePort();
  absl::StatusOr<int> scoring_port = PickFreePort();
  if (!ingest_port.ok()) return ingest_port.status();
  if (!scoring_port.ok()) return scoring_port.status();
  const std::string ingest_address = absl::StrCat("127.0.0.1:", *ingest_port);
  const std::string scoring_address = absl::StrCat("127.0.0.1:", *scoring_port);
  const std::string store =
      store_url.empty() ? absl::StrCat("sqlite://", directory_->File("ingest.db")) : store_url;

  absl::StatusOr<std::unique_ptr<ServiceProcess>> ingest = ServiceProcess::Start(
      JIXIAO_INGEST_BINARY,
      {"--listen=" + ingest_address, "--store=" + store, "--redis=" + redis_->url(),
       "--scoring=" + scoring_address, "--log-level=debug"});
  if (!ingest.ok()) return ingest.status();
  ingest_ = *std::move(ingest);
  absl::StatusOr<std::unique_ptr<ServiceProcess>> scoring = ServiceProcess::Start(
      JIXIAO_SCORING_BINARY,
      {"--listen=" + scoring_address, "--schemes=" + SourcePath("services/scoring/schemes"),
       "--ingest=" + ingest_address, "--redis=" + redis_->url(), "--log-level=debug"});
  if (!scoring.ok()) return scoring.status();
  scoring_ = *std::move(scoring);
  absl::StatusOr<std::unique_ptr<ServiceProcess>> query = ServiceProcess::Start(
      JIXIAO_QUERY_BINARY, {"--redis=" + redis_->url(), "--scoring=" + scoring_address,
                            "--ingest=" + ingest_address, "--log-level=debug"});
  if (!query.ok()) return query.status();
  query_ = *std::move(query);

  const auto credentials = grpc::InsecureChannelCredentials();
  ingest_channel_ = grpc::CreateChannel(ingest_address, credentials);
  scoring_channel_ = grpc::CreateChannel(scoring_address, credentials);
  query_channel_ = grpc::CreateChannel(query_->address(), credentials);
  ingest_stub_ = jixiao::v1::IngestService::NewStub(ingest_channel_);
  scoring_stub_ = jixiao::v1::ScoringService::NewStub(scoring_channel_);
  query_stub_ = jixiao::v1::QueryService::NewStub(query_channel_);
  return absl::OkStatus();
}

ServiceStack::~ServiceStack() {
  // Callers first, so that nothing is left calling a stopped service, and no
  // idle connection of ours keeps a service's graceful stop waiting.
  query_stub_.reset();
  scoring_stub_.reset();
  ingest_stub_.reset();
  query_channel_.reset();
  scoring_channel_.reset();
  ingest_channel_.reset();
  query_.reset();
  scoring_.reset();
  ingest_.reset();
  redis_.reset();
}

std::string ServiceStack::Logs() const {
  std::string logs;
  if (ingest_ != nullptr) absl::StrAppend(&logs, "--- ingest\n", ingest_->Log());
  if (scoring_ != nullptr) absl::StrAppend(&logs, "--- scoring\n", scoring_->Log());
  if (query_ != nullptr) absl::StrAppend(&logs, "--- query\n", query_->Log());
  return logs;
}

}  // namespace jixiao::testing
