#pragma once

// The real ingest service in this process: IngestServiceImpl behind a
// ServerRunner on a loopback port, over a private in-memory SQLite store
// (behind the group commit, as in production), for tests of
// the services and tools that call ingest, and of ingest itself. The store is instrumented
// (instrumented_report_store.h) for what a working store never does.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/platform/logging/logger.h"
#include "common/platform/server/server_runner.h"
#include "jixiao/v1/report.pb.h"
#include "services/ingest/service/ingest_service.h"
#include "services/ingest/service/report_commit_queue.h"
#include "tests/support/call_recorder.h"
#include "tests/support/instrumented_report_store.h"

namespace jixiao::testing {

class InProcessIngest {
 public:
  struct Options {
    // Worker threads: each GetReport or ListReports call holds one while it
    // reads the store (or is held there).
    int workers = 8;
    // Blocking tasks that may wait for a worker.
    int worker_queue = 64;
    // How long in-flight calls may take once the server is told to stop.
    absl::Duration drain = absl::Seconds(5);
    // Reports committed together at most, as the binary's default.
    size_t commit_batch = 64;
    // Told of every stored version before its submission is answered; may be
    // null (nothing published). Must outlive the service.
    ingest::ReportPublisher* publisher = nullptr;
    logging::Logger logger = logging::Logger(logging::LogLevel::kWarn);
  };

  static absl::StatusOr<std::unique_ptr<InProcessIngest>> Start(const Options& options);
  // Stops the server (letting held fetches go first), then the service, then the store.
  ~InProcessIngest();
  InProcessIngest(const InProcessIngest&) = delete;
  InProcessIngest& operator=(const InProcessIngest&) = delete;

  // "127.0.0.1:<port>"
  const std::string& address() const { return address_; }
  InstrumentedReportStore& store() { return *store_; }
  // Every call the service has been asked.
  CallRecorder& calls() { return calls_; }
  server::ServerRunner& runner() { return *runner_; }
  WorkerPool& workers() { return runner_->workers(); }

  // Stores `report` as the next version of its report id, with the content
  // hash given, as a submission ingest hashed to it would (no validation or
  // normalization: the test chooses what is stored); the same hash as the
  // latest version changes nothing.
  absl::StatusOr<ingest::PutOutcome> Put(const jixiao::v1::EvaluationReport& report,
                                         const std::string& content_hash);

 private:
  InProcessIngest() = default;

  CallRecorder calls_;
  std::unique_ptr<InstrumentedReportStore> store_;
  std::unique_ptr<ingest::ReportCommitQueue> commit_queue_;
  std::unique_ptr<server::ServerRunner> runner_;
  std::unique_ptr<ingest::IngestServiceImpl> service_;
  std::string address_;
};

}  // namespace jixiao::testing
