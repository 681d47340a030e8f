#pragma once
// Rankings of recomputed totals in Redis sorted sets, one per (scheme version,
// year, cohort); see cache_keys.h. A scorecard joins the rankings of its
// department's cohorts only while its report version is the latest one
// published (checked atomically inside Redis), and ingest removes a report from
// every ranking of its year when it publishes a newer version. So a ranking
// never holds an older version's total; it may lack reports not yet scored,
// which Coverage() reveals.
//
// Ranks are competition ranks: 1 + the number of strictly greater totals, so
// equal totals share a rank ("1, 2, 2, 4"). Within equal totals entries are
// listed by report_id, descending (Redis's order for ZRANGE ... REV).
// Incomplete scorecards are kept apart, in the cohort's "unranked" set.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/lua_script.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::score_cache {

struct RankingScope {
  jixiao::v1::SchemeRef scheme;  // resolved: id and version
  int fiscal_year = 0;
  std::string cohort;
  // The kind of report ranked: the scheme's (a scheme scores one kind).
  jixiao::v1::ReportKind kind = jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION;
};

struct RankedEntry {
  int64_t rank = 0;
  std::string report_id;
  double total = 0;
};

// How much of a cohort the ranking covers.
struct CohortCoverage {
  bool catalog_ready = false;
  int64_t members = 0;   // reports of the cohort in the catalog
  int64_t ranked = 0;    // complete scorecards ranked
  int64_t unranked = 0;  // incomplete scorecards kept apart
  // Every member's latest version is scored: the ranking can be served as is.
  bool complete() const { return catalog_ready && members == ranked + unranked; }
};

class RankingIndex {
 public:
  // `pool` must outlive the index.
  explicit RankingIndex(redis::RedisPool* pool);

  // Adds a scorecard (resolved scheme and report versions) to the rankings of
  // its department's cohorts, for its report's kind (read from the report id). False when its
  // version is not the latest published one (or none is published): then nothing changes.
  absl::StatusOr<bool> Add(const jixiao::v1::ScoreCard& card);

  absl::StatusOr<CohortCoverage> Coverage(const RankingScope& scope);

  // The first `n` entries (n <= 0: none).
  absl::StatusOr<std::vector<RankedEntry>> Top(const RankingScope& scope, int64_t n);

  // The entries within `k` places of a report, itself included; empty when the
  // report is not ranked.
  absl::StatusOr<std::vector<RankedEntry>> Around(const RankingScope& scope,
                                                  absl::string_view report_id, int64_t k);

  // The report ids with incomplete scorecards, sorted.
  absl::StatusOr<std::vector<std::string>> Unranked(const RankingScope& scope);

 private:
  // ZRANGE start..stop REV WITHSCORES with competition ranks.
  absl::StatusOr<std::vector<RankedEntry>> Range(const RankingScope& scope, int64_t start,
                                                 int64_t stop);

  redis::RedisPool* const pool_;
  LuaScript add_;
};

}  // namespace jixiao::score_cache
