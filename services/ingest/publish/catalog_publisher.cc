#include "services/ingest/publish/catalog_publisher.h"

#include "services/ingest/publish/catalog_entries.h"

namespace jixiao::ingest {

void CatalogPublisher::Publish(const jixiao::v1::EvaluationReport& report,
                               const PutOutcome& outcome) {
  const score_cache::CatalogEntry entry = CatalogEntryOf(report, outcome.ref.version());
  if (absl::Status published = catalog_->Publish({&entry, 1}); !published.ok()) {
    logger_.Warn("catalog_publish_degraded", {{"report", outcome.ref.report_id()},
                                              {"version", outcome.ref.version()},
                                              {"error", published.ToString()}});
    sync_->RequestResync();
  }
  // Unchanged content needs no new scorecard.
  if (rescore_ != nullptr && outcome.created) rescore_->Enqueue(outcome.ref);
}

}  // namespace jixiao::ingest
