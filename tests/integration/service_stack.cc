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

  // Ingest and scoring call each other, and a restarted service must listen where it did,
  // so every port is chosen up front.
  for (Launched& service : launches_) {
    absl::StatusOr<int> port = PickFreePort();
    if (!port.ok()) return port.status();
    service.address = absl::StrCat("127.0.0.1:", *port);
  }
  const std::string& ingest_address = this->ingest_address();
  const std::string& scoring_address = this->scoring_address();
  const std::string store =
      store_url.empty() ? absl::StrCat("sqlite://", directory_->File("ingest.db")) : store_url;

  launched(Service::kIngest).binary = JIXIAO_INGEST_BINARY;
  launched(Service::kIngest).flags =
      with_shared({"--store=" + store, "--redis=" + redis_->url(), "--scoring=" + scoring_address,
                   "--log-level=debug"});
  launched(Service::kScoring).binary = JIXIAO_SCORING_BINARY;
  launched(Service::kScoring).flags =
      with_shared({"--schemes=" + SourcePath("services/scoring/schemes"),
                   "--ingest=" + ingest_address, "--redis=" + redis_->url(), "--log-level=debug"});
  launched(Service::kQuery).binary = JIXIAO_QUERY_BINARY;
  launched(Service::kQuery).flags =
      with_shared({"--redis=" + redis_->url(), "--scoring=" + scoring_address,
                   "--ingest=" + ingest_address, "--log-level=debug"});
  for (Service service : {Service::kIngest, Service::kScoring, Service::kQuery}) {
    if (absl::Status started = Restart(service); !started.ok()) return started;
  }

  absl::StatusOr<transport::ChannelFactory> channels =
      transport::ChannelFactory::Create(options.client);
  if (!channels.ok()) return channels.status();
  ingest_channel_ = channels->Open(ingest_address);
  scoring_channel_ = channels->Open(scoring_address);
  query_channel_ = channels->Open(query_address());
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
  for (Service service : {Service::kQuery, Service::kScoring, Service::kIngest}) {
    launched(service).process.reset();
  }
  redis_.reset();
}

bool ServiceStack::Running(Service service) {
  ServiceProcess* process = launched(service).process.get();
  return process != nullptr &&
         absl::IsDeadlineExceeded(process->WaitForExit(absl::ZeroDuration()).status());
}

void ServiceStack::Kill(Service service) {
  if (ServiceProcess* process = launched(service).process.get()) process->Kill();
}

absl::StatusOr<int> ServiceStack::Stop(Service service, absl::Duration deadline) {
  ServiceProcess* process = launched(service).process.get();
  if (process == nullptr) return absl::FailedPreconditionError("not started");
  return process->Stop(deadline);
}

absl::Status ServiceStack::Restart(Service service) {
  Launched& launch = launched(service);
  if (launch.process != nullptr && launch.process->pid() != 0) {
    return absl::FailedPreconditionError(absl::StrCat(launch.binary, " is still running"));
  }
  std::vector<std::string> flags = launch.flags;
  flags.push_back("--listen=" + launch.address);
  // The log of the run before goes with the process: keep it for Logs().
  if (launch.process != nullptr) absl::StrAppend(&earlier_logs_, launch.process->Log());
  absl::StatusOr<std::unique_ptr<ServiceProcess>> started =
      ServiceProcess::Start(launch.binary, flags);
  if (!started.ok()) return started.status();
  launch.process = *std::move(started);
  return absl::OkStatus();
}

std::string ServiceStack::Logs() const {
  std::string logs;
  if (!earlier_logs_.empty()) absl::StrAppend(&logs, "--- before restarts\n", earlier_logs_);
  const char* names[] = {"ingest", "scoring", "query"};
  for (int i = 0; i < 3; ++i) {
    if (launches_[i].process != nullptr) {
      absl::StrAppend(&logs, "--- ", names[i], "\n", launches_[i].process->Log());
    }
  }
  return logs;
}

}  // namespace jixiao::testing
