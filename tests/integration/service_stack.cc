#include "tests/integration/service_stack.h"

#include "absl/strings/str_cat.h"
#include "tests/support/free_port.h"
#include "tests/support/source_dir.h"

namespace jixiao::testing {

absl::StatusOr<std::unique_ptr<ServiceStack>> ServiceStack::Start(const StackOptions& options) {
  std::unique_ptr<ServiceStack> stack(new ServiceStack());
  absl::Status launched = stack->Launch(options);
  if (!launched.ok()) {
    return absl::Status(launched.code(),
                        absl::StrCat(launched.message(), "\nlogs:\n", stack->Logs()));
  }
  return stack;
}

absl::Status ServiceStack::Launch(const StackOptions& options) {
  const std::string& store_url = options.store_url;
  // Each service's own flags, then the ones all share.
  auto with_shared = [&options](std::vector<std::string> flags) {
    flags.insert(flags.end(), options.service_flags.begin(), options.service_flags.end());
    return flags;
  };
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
  ingest_address_ = absl::StrCat("127.0.0.1:", *ingest_port);
  scoring_address_ = absl::StrCat("127.0.0.1:", *scoring_port);
  const std::string& ingest_address = ingest_address_;
  const std::string& scoring_address = scoring_address_;
  const std::string store =
      store_url.empty() ? absl::StrCat("sqlite://", directory_->File("ingest.db")) : store_url;

  absl::StatusOr<std::unique_ptr<ServiceProcess>> ingest = ServiceProcess::Start(
      JIXIAO_INGEST_BINARY,
      with_shared({"--listen=" + ingest_address, "--store=" + store, "--redis=" + redis_->url(),
                   "--scoring=" + scoring_address, "--log-level=debug"}));
  if (!ingest.ok()) return ingest.status();
  ingest_ = *std::move(ingest);
  absl::StatusOr<std::unique_ptr<ServiceProcess>> scoring = ServiceProcess::Start(
      JIXIAO_SCORING_BINARY,
      with_shared({"--listen=" + scoring_address,
                   "--schemes=" + SourcePath("services/scoring/schemes"),
                   "--ingest=" + ingest_address, "--redis=" + redis_->url(), "--log-level=debug"}));
  if (!scoring.ok()) return scoring.status();
  scoring_ = *std::move(scoring);
  absl::StatusOr<std::unique_ptr<ServiceProcess>> query = ServiceProcess::Start(
      JIXIAO_QUERY_BINARY, with_shared({"--redis=" + redis_->url(), "--scoring=" + scoring_address,
                                        "--ingest=" + ingest_address, "--log-level=debug"}));
  if (!query.ok()) return query.status();
  query_ = *std::move(query);

  absl::StatusOr<transport::ChannelFactory> channels =
      transport::ChannelFactory::Create(options.client);
  if (!channels.ok()) return channels.status();
  ingest_channel_ = channels->Open(ingest_address);
  scoring_channel_ = channels->Open(scoring_address);
  query_channel_ = channels->Open(query_->address());
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
