#pragma once
// Query's read-only view of the score cache in Redis (common/score_cache),
// with the service's rule for a failing Redis: the answer is still computed,
// through scoring and ingest, and marked degraded. Each read returns nullopt
// when the cache cannot be used for the call: Redis failed now (a warning is
// logged with the error and the call marked, see QueryCall) or earlier in the
// same call (then Redis is not asked again). A dead Redis costs little: the
// pool fails fast while it backs off (common/platform/redis/redis_pool.h).
//
// Query writes one thing: the comparison rows it derives from cards
// (PutComparisonRows), a cache of its own work beside the cards.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/platform/logging/logger.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/cohort_rows.h"
#include "common/score_cache/comparison_row_cache.h"
#include "common/score_cache/latest_scorecards.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/ranking_window_reader.h"
#include "common/score_cache/report_catalog.h"
#include "common/score_cache/scorecard_cache.h"
#include "jixiao/v1/cache.pb.h"
#include "jixiao/v1/department.pb.h"
#include "services/query/query_call.h"

namespace jixiao::query {

class ScoreCacheReader {
 public:
  // `pool` must outlive the reader. Rows written are kept for `row_ttl`.
  ScoreCacheReader(redis::RedisPool* pool, absl::Duration row_ttl, logging::Logger logger);

  std::optional<bool> CatalogReady(QueryCall& call);
  // Readiness, latest versions and their cached cards in one round trip.
  std::optional<score_cache::LatestScoreCards> LatestScoreCards(
      QueryCall& call, const jixiao::v1::SchemeRef& scheme,
      absl::Span<const std::string> report_ids);
  std::optional<std::vector<int64_t>> LatestVersions(QueryCall& call,
                                                     absl::Span<const std::string> report_ids);
  // One MGET for all addresses.
  std::optional<std::vector<std::optional<jixiao::v1::CachedScoreCard>>> ScoreCards(
      QueryCall& call, absl::Span<const score_cache::ScoreCardAddress> addresses);

  // Readiness, a year's cohort of one kind of report, its latest versions and
  // their cached rows in one round trip.
  std::optional<score_cache::CohortRows> CohortRows(QueryCall& call,
                                                    const jixiao::v1::SchemeRef& scheme,
                                                    int fiscal_year, jixiao::v1::ReportKind kind,
                                                    absl::string_view cohort);
  // One MGET for all addresses.
  std::optional<std::vector<std::optional<jixiao::v1::CachedComparisonRow>>> ComparisonRows(
      QueryCall& call, absl::Span<const score_cache::ScoreCardAddress> addresses);
  // Best effort: a failed write is logged, and the answer it was derived for
  // is not degraded by it (the next comparison derives the rows again).
  void PutComparisonRows(absl::Span<const score_cache::ScoreCardAddress> addresses,
                         absl::Span<const jixiao::v1::CachedComparisonRow> rows);

  // The same for an explicit list of reports (unknown ones left out).
  std::optional<score_cache::CohortRows> ReportRows(QueryCall& call,
                                                    const jixiao::v1::SchemeRef& scheme,
                                                    absl::Span<const std::string> report_ids);

  // Coverage, top entries, entries around a report and their departments in
  // one round trip.
  std::optional<score_cache::RankingWindow> RankingWindow(QueryCall& call,
                                                          const score_cache::RankingScope& scope,
                                                          int64_t top_n,
                                                          absl::string_view around_report_id,
                                                          int64_t around_k);

 private:
  template <typename T>
  std::optional<T> Read(QueryCall& call, absl::string_view operation,
                        absl::FunctionRef<absl::StatusOr<T>()> read);

  const logging::Logger logger_;
  score_cache::ReportCatalog catalog_;
  score_cache::LatestScoreCardReader latest_cards_;
  score_cache::CohortRowsReader cohort_rows_;
  score_cache::ScoreCardCache cards_;
  score_cache::ComparisonRowCache rows_;
  score_cache::RankingWindowReader ranking_windows_;
};

}  // namespace jixiao::query
