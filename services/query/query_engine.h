#pragma once
// What the query service does for each call, apart from gRPC: where the
// answer's parts come from and how they are put together. The answers that
// compare a cohort in a year read it through CohortYearReader.
//
//   - Report versions come from ingest's catalog in Redis while it is ready
//     (common/score_cache/report_catalog.h); otherwise from ingest's
//     ListReports, or scoring resolves "latest" itself.
//   - Scorecards come from the cache (one MGET per answer) for known versions,
//     the rest from scoring, concurrently (ScoreCardSource). Scoring caches and
//     ranks what it computes, so the next call is served from Redis.
//   - A Ranking of a cohort Redis keeps as such, once every member's latest
//     version is ranked, is read from the sorted sets; any other is computed.
//   - When Redis fails the answer is computed all the same and marked
//     degraded (ScoreCacheReader). A catalog that is merely not ready yet
//     (Redis restarted empty) is not a failure: the answer is computed and
//     not degraded.
//
// Runs on worker-pool threads: every method blocks on Redis and downstream
// calls, bounded by their timeouts and the incoming call's deadline.
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/domain/scheme_resolution/default_scheme.h"
#include "common/platform/logging/logger.h"
#include "common/platform/redis/redis_pool.h"
#include "jixiao/v1/query_service.pb.h"
#include "services/query/cohort_year_reader.h"
#include "services/query/ingest_client.h"
#include "services/query/loaded_schemes.h"
#include "services/query/logic/named_cohorts.h"
#include "services/query/score_cache_reader.h"
#include "services/query/scorecard_source.h"
#include "services/query/scoring_client.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::query {

struct QueryEngineOptions {
  // The scheme of a request that names none.
  std::string default_scheme_id = scheme_resolution::kDefaultSchemeId;
  // Bound on each downstream call, and on waiting for one query's concurrent
  // scoring calls, when the caller's deadline is later or unset.
  absl::Duration downstream_timeout = absl::Seconds(30);
  // How long a comparison row query derives and caches is kept in Redis.
  absl::Duration row_ttl = absl::Hours(168);
  // How long the list of loaded schemes is reused before scoring is asked again.
  absl::Duration scheme_list_max_age = absl::Seconds(30);
  // The cohorts requests may name (--cohorts).
  NamedCohorts cohorts;
};

class QueryEngine {
 public:
  // `pool`, `scoring` and `ingest` must outlive the engine.
  QueryEngine(QueryEngineOptions options, redis::RedisPool* pool, ScoringClient* scoring,
              IngestClient* ingest, logging::Logger logger);

  // `context` is the incoming call's: downstream calls inherit its deadline.
  // The serialized GetScoreCardResponse: a cached card is passed through as
  // bytes (services/query/logic/scorecard_wire.h).
  absl::StatusOr<std::string> GetScoreCard(grpc::CallbackServerContext* context,
                                           const jixiao::v1::GetScoreCardRequest& request);
  absl::Status Compare(grpc::CallbackServerContext* context,
                       const jixiao::v1::CompareRequest& request,
                       jixiao::v1::CompareResponse* response);
  absl::Status Ranking(grpc::CallbackServerContext* context,
                       const jixiao::v1::RankingRequest& request,
                       jixiao::v1::RankingResponse* response);
  absl::Status Trend(grpc::CallbackServerContext* context, const jixiao::v1::TrendRequest& request,
                     jixiao::v1::TrendResponse* response);
  // The cohort's rows of the year and of the year before, summarized.
  absl::Status CohortStatistics(grpc::CallbackServerContext* context,
                                const jixiao::v1::CohortStatisticsRequest& request,
                                jixiao::v1::CohortStatisticsResponse* response);
  // The cohort's rows of the year and of the two years before, for PI-1.
  absl::Status BudgetCredibility(grpc::CallbackServerContext* context,
                                 const jixiao::v1::BudgetCredibilityRequest& request,
                                 jixiao::v1::BudgetCredibilityResponse* response);

  const NamedCohorts& cohorts() const { return options_.cohorts; }

 private:
  const QueryEngineOptions options_;
  ScoreCacheReader cache_;
  ScoreCardSource cards_;
  LoadedSchemes schemes_;
  CohortYearReader cohort_years_;
};

}  // namespace jixiao::query
