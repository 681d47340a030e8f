#pragma once
// Which report versions are current, as ingest tells the readers of the cache.
// Ingest publishes a report's version before it acknowledges the submission;
// scoring and query resolve "the latest version" here, so once a new version
// is acknowledged nobody looks up a scorecard of an older one.
//
// Publishing a version is atomic (one Lua script): the latest-version pointer
// only moves forward, the report joins its cohorts, and when the version is new
// the report leaves every ranking of its year until scoring ranks the new
// version (see ranking_index.h).
//
// A Redis that restarted empty knows no versions. Readers detect that through
// Ready(): until ingest has republished every stored report and marked the
// catalog ready, they resolve versions through the services instead.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/lua_script.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::score_cache {

struct CatalogEntry {
  std::string report_id;
  int64_t version = 0;
  int fiscal_year = 0;
  jixiao::v1::Department department;
  // The cohort sets of this kind take the report (cache_keys.h); unspecified:
  // the kind its id says.
  jixiao::v1::ReportKind kind = jixiao::v1::REPORT_KIND_UNSPECIFIED;
};

class ReportCatalog {
 public:
  // `pool` must outlive the catalog.
  explicit ReportCatalog(redis::RedisPool* pool);

  // Publishes each entry (one pipeline). An entry older than the published
  // version is ignored; republishing the current version changes nothing.
  absl::Status Publish(absl::Span<const CatalogEntry> entries);

  // Marks that every stored report has been published since Redis started.
  absl::Status MarkReady();
  absl::StatusOr<bool> Ready();

  // The latest published version of each report, in order; 0 for an unknown one.
  absl::StatusOr<std::vector<int64_t>> LatestVersions(absl::Span<const std::string> report_ids);

  // The report ids of a year's cohort of one kind, sorted.
  absl::StatusOr<std::vector<std::string>> CohortMembers(int fiscal_year,
                                                         jixiao::v1::ReportKind kind,
                                                         absl::string_view cohort);

  // The department of each report, in order; nullopt for an unknown one.
  absl::StatusOr<std::vector<std::optional<jixiao::v1::Department>>> Departments(
      absl::Span<const std::string> report_ids);

 private:
  redis::RedisPool* const pool_;
  LuaScript publish_;
};

}  // namespace jixiao::score_cache
