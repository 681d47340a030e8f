#pragma once
// Stored reports as entries of the Redis report catalog.
#include <vector>

#include "absl/types/span.h"
#include "common/score_cache/report_catalog.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::ingest {

score_cache::CatalogEntry CatalogEntryOf(const jixiao::v1::EvaluationReport& report,
                                         int64_t version);
std::vector<score_cache::CatalogEntry> CatalogEntriesOf(
    absl::Span<const jixiao::v1::ReportSummary> summaries);

}  // namespace jixiao::ingest
