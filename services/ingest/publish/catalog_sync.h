#pragma once
// Keeps the Redis report catalog (common/score_cache/report_catalog.h) in step
// with the store. Ingest publishes each new version before acknowledging it;
// this class covers what that cannot:
//   - a Redis that restarted empty (the catalog is then not "ready"),
//   - a publication that failed because Redis was unreachable,
//   - reports stored while no ingest was publishing.
// A background thread republishes every stored report's latest version, page
// by page, then marks the catalog ready. It does so at start, whenever the
// catalog is found not ready (checked every `check_interval`), and after a
// failed publication (RequestResync). Republishing is idempotent: versions only
// move forward.
//
// A catalog found not ready was lost with Redis (or never built), and the cached cards and
// ranking sets went with it. Once it is republished and ready, every report is queued for
// rescoring, so that scoring caches and ranks them again: rankings come back by themselves,
// without anyone running `jixiao score-year`.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/platform/logging/logger.h"
#include "common/score_cache/report_catalog.h"
#include "services/ingest/publish/rescore_dispatcher.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

class CatalogSync {
 public:
  // Starts the thread. `store`, `catalog` and `rescore` (may be null: no rescoring) must
  // outlive this object.
  CatalogSync(ReportStore* store, score_cache::ReportCatalog* catalog, RescoreDispatcher* rescore,
              absl::Duration check_interval, logging::Logger logger);
  // Stops the thread (an ongoing resync stops after its current page).
  ~CatalogSync();
  CatalogSync(const CatalogSync&) = delete;
  CatalogSync& operator=(const CatalogSync&) = delete;

  // Asks for a full resync soon; returns at once.
  void RequestResync();

  // One full resync, in the calling thread: for tests and the thread itself.
  absl::Status ResyncNow();

 private:
  void Run();
  // Queues every stored report's latest version for rescoring, waiting for room.
  absl::Status RescoreAll();

  ReportStore* const store_;
  score_cache::ReportCatalog* const catalog_;
  RescoreDispatcher* const rescore_;
  const absl::Duration check_interval_;
  const logging::Logger logger_;

  std::mutex mu_;
  std::condition_variable wake_;
  bool resync_requested_ = true;  // guarded by mu_; a first resync at start
  bool stopping_ = false;         // guarded by mu_
  std::thread thread_;
};

}  // namespace jixiao::ingest
