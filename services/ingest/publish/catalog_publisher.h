#pragma once
// The ingest service's ReportPublisher when Redis (and optionally scoring) is
// configured: publishes each committed version to the report catalog before the
// submission is acknowledged, then queues its rescoring.
//
// A failed publication does not fail the submission (the report is durable);
// it asks CatalogSync for a full resync, which retries until Redis answers.
// While Redis is unreachable, readers cannot use the catalog either and compute
// from the store, so they still see the acknowledged version.
#include "common/platform/logging/logger.h"
#include "common/score_cache/report_catalog.h"
#include "services/ingest/publish/catalog_sync.h"
#include "services/ingest/publish/rescore_dispatcher.h"
#include "services/ingest/service/report_publisher.h"

namespace jixiao::ingest {

class CatalogPublisher : public ReportPublisher {
 public:
  // All must outlive the publisher; `rescore` may be null (no background rescoring).
  CatalogPublisher(score_cache::ReportCatalog* catalog, CatalogSync* sync,
                   RescoreDispatcher* rescore, logging::Logger logger)
      : catalog_(catalog), sync_(sync), rescore_(rescore), logger_(logger) {}

  void Publish(const jixiao::v1::EvaluationReport& report, const PutOutcome& outcome) override;

 private:
  score_cache::ReportCatalog* const catalog_;
  CatalogSync* const sync_;
  RescoreDispatcher* const rescore_;
  const logging::Logger logger_;
};

}  // namespace jixiao::ingest
