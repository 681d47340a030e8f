#include "services/ingest/publish/catalog_sync.h"

#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "services/ingest/publish/catalog_entries.h"

namespace jixiao::ingest {

CatalogSync::CatalogSync(ReportStore* store, score_cache::ReportCatalog* catalog,
                         RescoreDispatcher* rescore, absl::Duration check_interval,
                         logging::Logger logger)
    : store_(store),
      catalog_(catalog),
      rescore_(rescore),
      check_interval_(check_interval),
      logger_(logger),
      thread_([this] { Run(); }) {}

CatalogSync::~CatalogSync() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void CatalogSync::RequestResync() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    resync_requested_ = true;
  }
  wake_.notify_all();
}

absl::Status CatalogSync::ResyncNow() {
  const absl::Time started = absl::Now();
  std::string token;
  int64_t published = 0;
  do {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return absl::CancelledError("stopping");
    }
    absl::StatusOr<ReportPage> page = store_->ListReports(ReportFilter{}, kMaxPageSize, token);
    if (!page.ok()) return page.status();
    if (absl::Status status = catalog_->Publish(CatalogEntriesOf(page->reports)); !status.ok()) {
      return status;
    }
    published += static_cast<int64_t>(page->reports.size());
    token = page->next_page_token;
  } while (!token.empty());
  if (absl::Status status = catalog_->MarkReady(); !status.ok()) return status;
  logger_.Info("catalog_resynced",
               {{"reports", published}, {"ms", absl::ToInt64Milliseconds(absl::Now() - started)}});
  return absl::OkStatus();
}

absl::Status CatalogSync::RescoreAll() {
  std::string token;
  int64_t queued = 0;
  do {
    absl::StatusOr<ReportPage> page = store_->ListReports(ReportFilter{}, kMaxPageSize, token);
    if (!page.ok()) return page.status();
    for (const jixiao::v1::ReportSummary& summary : page->reports) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stopping_) return absl::CancelledError("stopping");
      }
      if (!rescore_->EnqueueWaiting(summary.ref())) return absl::CancelledError("stopping");
      ++queued;
    }
    token = page->next_page_token;
  } while (!token.empty());
  logger_.Info("rescore_all_queued", {{"reports", queued}});
  return absl::OkStatus();
}

void CatalogSync::Run() {
  bool retry = false;  // the last resync failed: try again at the next check
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    bool needed = resync_requested_ || retry;
    resync_requested_ = false;
    lock.unlock();
    // Unreachable Redis: nothing to do until it answers again; then it will most likely be
    // a restarted, empty one, found not ready.
    const absl::StatusOr<bool> ready = catalog_->Ready();
    const bool lost = ready.ok() && !*ready;
    if (needed || lost) {
      absl::Status status = ResyncNow();
      // A failed rescoring pass is not retried: the cards then come back as queries miss.
      if (status.ok() && lost && rescore_ != nullptr) {
        if (absl::Status rescored = RescoreAll(); !rescored.ok() && !absl::IsCancelled(rescored)) {
          logger_.Warn("rescore_all_failed", {{"error", rescored.ToString()}});
        }
      }
      retry = !status.ok();
      if (retry) logger_.Warn("catalog_resync_failed", {{"error", status.ToString()}});
    }
    lock.lock();
    wake_.wait_for(lock, absl::ToChronoNanoseconds(check_interval_),
                   [this] { return stopping_ || resync_requested_; });
  }
}

}  // namespace jixiao::ingest
