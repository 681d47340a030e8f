#include "services/ingest/publish/catalog_entries.h"

namespace jixiao::ingest {

score_cache::CatalogEntry CatalogEntryOf(const jixiao::v1::EvaluationReport& report,
                                         int64_t version) {
  return score_cache::CatalogEntry{report.report_id(), version, report.fiscal_year(),
                                   report.department(), report.kind()};
}

std::vector<score_cache::CatalogEntry> CatalogEntriesOf(
    absl::Span<const jixiao::v1::ReportSummary> summaries) {
  std::vector<score_cache::CatalogEntry> entries;
  entries.reserve(summaries.size());
  for (const jixiao::v1::ReportSummary& summary : summaries) {
    entries.push_back(score_cache::CatalogEntry{summary.ref().report_id(), summary.ref().version(),
                                                summary.fiscal_year(), summary.department(),
                                                summary.kind()});
  }
  return entries;
}

}  // namespace jixiao::ingest
