#include "services/query/score_cache_reader.h"

namespace jixiao::query {
namespace {

// ScoreCardCache wants a TTL for the entries it writes; query only reads.
constexpr absl::Duration kUnusedWriteTtl = absl::Hours(1);

}  // namespace

ScoreCacheReader::ScoreCacheReader(redis::RedisPool* pool, absl::Duration row_ttl,
                                   logging::Logger logger)
    : logger_(logger),
      catalog_(pool),
      latest_cards_(pool),
      cohort_rows_(pool),
      cards_(pool, kUnusedWriteTtl),
      rows_(pool, row_ttl),
      ranking_windows_(pool) {}

template <typename T>
std::optional<T> ScoreCacheReader::Read(QueryCall& call, absl::string_view operation,
                                        absl::FunctionRef<absl::StatusOr<T>()> read) {
  if (call.cache_failed()) return std::nullopt;
  absl::StatusOr<T> result = read();
  if (result.ok()) return *std::move(result);
  call.MarkCacheFailed();
  logger_.Warn("cache_degraded", {{"operation", operation},
                                  {"redis_error", result.status().ToString()},
                                  {"fallback", "answer computed through scoring and ingest"}});
  return std::nullopt;
}

std::optional<bool> ScoreCacheReader::CatalogReady(QueryCall& call) {
  return Read<bool>(call, "catalog_ready", [&] { return catalog_.Ready(); });
}

std::optional<score_cache::LatestScoreCards> ScoreCacheReader::LatestScoreCards(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme,
    absl::Span<const std::string> report_ids) {
  return Read<score_cache::LatestScoreCards>(
      call, "latest_scorecards", [&] { return latest_cards_.Read(scheme, report_ids); });
}

std::optional<std::vector<int64_t>> ScoreCacheReader::LatestVersions(
    QueryCall& call, absl::Span<const std::string> report_ids) {
  return Read<std::vector<int64_t>>(call, "latest_versions",
                                    [&] { return catalog_.LatestVersions(report_ids); });
}

std::optional<std::vector<std::optional<jixiao::v1::CachedScoreCard>>> ScoreCacheReader::ScoreCards(
    QueryCall& call, absl::Span<const score_cache::ScoreCardAddress> addresses) {
  return Read<std::vector<std::optional<jixiao::v1::CachedScoreCard>>>(
      call, "scorecards", [&] { return cards_.GetMany(addresses); });
}

std::optional<score_cache::CohortRows> ScoreCacheReader::CohortRows(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme, int fiscal_year,
    jixiao::v1::ReportKind kind, absl::string_view cohort) {
  return Read<score_cache::CohortRows>(
      call, "cohort_rows", [&] { return cohort_rows_.Read(scheme, fiscal_year, kind, cohort); });
}

std::optional<std::vector<std::optional<jixiao::v1::CachedComparisonRow>>>
ScoreCacheReader::ComparisonRows(QueryCall& call,
                                 absl::Span<const score_cache::ScoreCardAddress> addresses) {
  return Read<std::vector<std::optional<jixiao::v1::CachedComparisonRow>>>(
      call, "comparison_rows", [&] { return rows_.GetMany(addresses); });
}

void ScoreCacheReader::PutComparisonRows(absl::Span<const score_cache::ScoreCardAddress> addresses,
                                         absl::Span<const jixiao::v1::CachedComparisonRow> rows) {
  if (absl::Status put = rows_.PutMany(addresses, rows); !put.ok()) {
    logger_.Warn("cache_write_failed",
                 {{"operation", "comparison_rows"}, {"redis_error", put.ToString()}});
  }
}

std::optional<score_cache::CohortRows> ScoreCacheReader::ReportRows(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme,
    absl::Span<const std::string> report_ids) {
  return Read<score_cache::CohortRows>(
      call, "report_rows", [&] { return cohort_rows_.ReadReports(scheme, report_ids); });
}

std::optional<score_cache::RankingWindow> ScoreCacheReader::RankingWindow(
    QueryCall& call, const score_cache::RankingScope& scope, int64_t top_n,
    absl::string_view around_report_id, int64_t around_k) {
  return Read<score_cache::RankingWindow>(call, "ranking_window", [&] {
    return ranking_windows_.Read(scope, top_n, around_report_id, around_k);
  });
}

}  // namespace jixiao::query
