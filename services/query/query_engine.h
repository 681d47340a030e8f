#pragma once
// What the query service does for each call, apart from gRPC: where the
// answer's parts come from and how they are put together.
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
#include "common/platform/logging/logger.h"
#include "common/platform/redis/redis_pool.h"
#include "jixiao/v1/query_service.pb.h"
#include "services/query/ingest_client.h"
#include "services/query/loaded_schemes.h"
#include "services/query/logic/cohort_plan.h"
#include "services/query/logic/member_filter.h"
#include "services/query/logic/named_cohorts.h"
#include "services/query/logic/ranking_limits.h"
#include "services/query/logic/scheme_resolution.h"
#include "services/query/query_call.h"
#include "services/query/score_cache_reader.h"
#include "services/query/scorecard_source.h"
#include "services/query/scoring_client.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::query {

struct QueryEngineOptions {
  // The scheme of a request that names none.
  std::string default_scheme_id = "guangzhou-department";
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
  // A report of the year that may belong in the answer, and its latest version.
  struct Candidate {
    std::string report_id;
    int64_t version = 0;
    // Read from the catalog, together with `row`, the cache's row for that
    // version (nullopt: none cached); from ingest otherwise, with no row read.
    bool from_catalog = false;
    std::optional<jixiao::v1::CachedComparisonRow> row;
  };

  // The rows of a year's comparison, ranked, with the freshness of their cards.
  struct ComparedRows {
    std::vector<jixiao::v1::ComparisonRow> rows;
    std::vector<jixiao::v1::Freshness> parts;
  };

  // A comparison's scope, checked: the cohort resolved, the districts.
  struct CompareScope {
    int fiscal_year = 0;
    std::optional<CohortPlan> plan;
    std::vector<std::string> district_codes;
  };
  absl::StatusOr<CompareScope> CheckScope(
      int fiscal_year, const jixiao::v1::Cohort& cohort,
      const google::protobuf::RepeatedPtrField<std::string>& district_codes) const;

  // The rows of `scope`'s cohort in `fiscal_year` (its own year or another),
  // ranked by total.
  absl::StatusOr<ComparedRows> CompareYear(QueryCall& call, const LoadedScheme& scheme,
                                           const CompareScope& scope, int fiscal_year);

  // A request's scheme and scope, checked, with the rows of its year.
  struct CohortYear {
    LoadedScheme scheme;
    CompareScope scope;
    ComparedRows rows;
  };
  // For the requests that compare a cohort in a year (Compare,
  // CohortStatistics, BudgetCredibility): their fiscal_year, cohort,
  // district_codes and scheme.
  template <typename Request>
  absl::StatusOr<CohortYear> OpenCohortYear(QueryCall& call, const Request& request);

  // The reports `filter` admits among a year's cohort: from the catalog while
  // it is ready and Redis answers, else from ingest. A listed cohort is read
  // by its members' report ids.
  absl::StatusOr<std::vector<Candidate>> Candidates(QueryCall& call,
                                                    const jixiao::v1::SchemeRef& scheme,
                                                    int fiscal_year, const CohortPlan& plan,
                                                    absl::Span<const std::string> district_codes,
                                                    jixiao::v1::ReportKind report_kind,
                                                    const MemberFilter& filter);
  // nullopt when the catalog cannot be used (not ready, or Redis failed).
  // With the rows cached for them, all read in one round trip.
  std::optional<std::vector<Candidate>> CandidatesFromCatalog(
      QueryCall& call, const jixiao::v1::SchemeRef& scheme, int fiscal_year, const CohortPlan& plan,
      jixiao::v1::ReportKind report_kind, const MemberFilter& filter);
  absl::StatusOr<std::vector<Candidate>> CandidatesFromIngest(
      QueryCall& call, int fiscal_year, const CohortPlan& plan,
      absl::Span<const std::string> district_codes, const MemberFilter& filter);

  // The candidates' cards as ranked rows; a card whose department the filter
  // no longer admits is left out. Fails with the first card that failed.
  absl::StatusOr<ComparedRows> CompareRows(QueryCall& call, const jixiao::v1::SchemeRef& scheme,
                                           absl::Span<const Candidate> candidates,
                                           const MemberFilter& filter);

  // Answers from the Redis rankings; false (nothing written) when they cannot
  // answer: not a Redis cohort, not every member ranked, or Redis failed.
  bool RankingFromCache(QueryCall& call, const LoadedScheme& scheme, int fiscal_year,
                        const CohortPlan& plan, const RankingLimits& limits,
                        const std::string& around_report_id, jixiao::v1::RankingResponse* response);

  const QueryEngineOptions options_;
  IngestClient* const ingest_;
  ScoreCacheReader cache_;
  ScoreCardSource cards_;
  LoadedSchemes schemes_;
};

}  // namespace jixiao::query
