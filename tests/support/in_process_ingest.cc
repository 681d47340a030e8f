#include "tests/support/in_process_ingest.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::testing {

absl::StatusOr<std::unique_ptr<InProcessIngest>> InProcessIngest::Start(const Options& options) {
  absl::StatusOr<std::unique_ptr<ingest::ReportStore>> opened =
      ingest::OpenReportStore("sqlite::memory:");
  if (!opened.ok()) return opened.status();
  std::unique_ptr<InProcessIngest> ingest(new InProcessIngest());
  ingest->store_ = std::make_unique<InstrumentedReportStore>(*std::move(opened));
  ingest->commit_queue_ =
      std::make_unique<ingest::ReportCommitQueue>(ingest->store_.get(), options.commit_batch);

  server::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.workers = options.workers;
  config.worker_queue = options.worker_queue;
  config.drain = options.drain;
  ingest->runner_ = std::make_unique<server::ServerRunner>(config, options.logger);
  ingest->service_ = std::make_unique<ingest::IngestServiceImpl>(
      ingest->store_.get(), ingest->commit_queue_.get(), ingest->runner_->workers(),
      options.publisher, options.logger);
  ingest->runner_->AddService(jixiao::v1::IngestService::service_full_name(),
                              ingest->service_.get());
  ingest->runner_->AddInterceptor(ingest->calls_.Interceptor());
  absl::StatusOr<int> port = ingest->runner_->Start();
  if (!port.ok()) return port.status();
  ingest->address_ = absl::StrCat("127.0.0.1:", *port);
  return ingest;
}

InProcessIngest::~InProcessIngest() {
  // A held fetch or commit would keep its worker, and with it the server's
  // stop, waiting.
  if (store_ != nullptr) {
    store_->ReleaseHeldFetches();
    store_->ReleaseCommits();
  }
  // The service must outlive the server it is registered with (the runner's
  // destructor stops it).
  runner_.reset();
}

absl::StatusOr<ingest::PutOutcome> InProcessIngest::Put(const jixiao::v1::EvaluationReport& report,
                                                        const std::string& content_hash) {
  absl::StatusOr<std::vector<absl::StatusOr<ingest::PutOutcome>>> outcomes =
      store_->PutReports({ingest::ReportToStore{report, content_hash, {}}});
  if (!outcomes.ok()) return outcomes.status();
  return outcomes->front();
}

}  // namespace jixiao::testing
