#pragma once
// A cohort's reports in one fiscal year, read for the answers that compare
// them (Compare, Ranking, CohortStatistics, BudgetCredibility). One query
// object carries a request through the rooms in order, each passed once:
//
//   Open           the scope checked and the scheme resolved (LoadedSchemes);
//   RankFromCache  for a Ranking, the Redis sorted sets, when they can answer;
//   Read           the candidates listed, from ingest's catalog in Redis while
//                  it is ready and Redis answers, else from ingest's
//                  ListReports; then their cards' rows (ScoreCardSource).
//
// Runs on worker-pool threads: Read blocks on Redis and downstream calls,
// bounded by their timeouts and the incoming call's deadline.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "jixiao/v1/cache.pb.h"
#include "jixiao/v1/query_service.pb.h"
#include "services/query/ingest_client.h"
#include "services/query/loaded_schemes.h"
#include "services/query/logic/cohort_plan.h"
#include "services/query/logic/member_filter.h"
#include "services/query/logic/named_cohorts.h"
#include "services/query/logic/ranking_limits.h"
#include "services/query/query_call.h"
#include "services/query/score_cache_reader.h"
#include "services/query/scorecard_source.h"

namespace jixiao::query {

// INVALID_ARGUMENT, naming the field, unless the year is positive.
absl::Status CheckFiscalYear(int fiscal_year);

// Where a query's candidates were listed, which says what came with them.
enum class CandidateSource {
  kNotListed,
  // Ingest's catalog in Redis: each candidate with the cache's row for its
  // version, read in the same round trip (nullopt: none cached).
  kCatalog,
  // Ingest's ListReports: versions only, no row read.
  kIngest,
};

// A report of the year that may belong in the answer, and its latest version.
struct Candidate {
  std::string report_id;
  int64_t version = 0;
  std::optional<jixiao::v1::CachedComparisonRow> row;
};

// One comparison of a cohort in a year: its scope, fixed when it is opened,
// then what Read finds for it.
struct CohortYearQuery {
  CohortYearQuery(LoadedScheme scheme_in, int fiscal_year_in, CohortPlan plan_in,
                  std::vector<std::string> district_codes_in);

  // The same scope in another year, nothing read yet.
  CohortYearQuery InYear(int other_fiscal_year) const;

  jixiao::v1::ReportKind kind() const { return scheme.report_kind; }

  // The scope: scheme (and the kind of report it scores), year, cohort,
  // districts (empty: every district), and all of them as one test on a report.
  LoadedScheme scheme;
  int fiscal_year;
  CohortPlan plan;
  std::vector<std::string> district_codes;
  MemberFilter filter;

  // The reports the filter admits among the year's, and where they were listed.
  CandidateSource source = CandidateSource::kNotListed;
  std::vector<Candidate> candidates;

  // The candidates' rows, ranked by total, with the freshness of each row's
  // card (same order). A card whose department the filter no longer admits
  // is left out.
  std::vector<jixiao::v1::ComparisonRow> rows;
  std::vector<jixiao::v1::Freshness> freshness;
};

class CohortYearReader {
 public:
  // Every pointer must outlive the reader.
  CohortYearReader(const NamedCohorts* cohorts, LoadedSchemes* schemes, ScoreCacheReader* cache,
                   ScoreCardSource* cards, IngestClient* ingest);

  // The query a request's scope asks for, nothing read yet. Checks
  // fiscal_year, district_codes and the cohort, in that order, then resolves
  // the scheme.
  absl::StatusOr<CohortYearQuery> Open(
      QueryCall& call, int fiscal_year, const jixiao::v1::Cohort& cohort,
      const google::protobuf::RepeatedPtrField<std::string>& district_codes,
      const jixiao::v1::SchemeRef& scheme);

  // Lists the query's candidates, then fills its rows. Fails with ingest's
  // error, or with the first card that failed.
  absl::Status Read(QueryCall& call, CohortYearQuery& query);

  // Open, then Read, for the requests that compare a cohort in their year
  // (Compare, CohortStatistics, BudgetCredibility).
  template <typename Request>
  absl::StatusOr<CohortYearQuery> OpenAndRead(QueryCall& call, const Request& request) {
    absl::StatusOr<CohortYearQuery> query = Open(call, request.fiscal_year(), request.cohort(),
                                                 request.district_codes(), request.scheme());
    if (!query.ok()) return query.status();
    if (absl::Status status = Read(call, *query); !status.ok()) return status;
    return query;
  }

  // Answers a ranking of the query's cohort from the Redis sorted sets; false
  // (nothing written) when they cannot answer: not a Redis cohort, a scheme
  // that names no kind, not every member ranked, or Redis failed.
  // `around_report_id` is the report to centre "around" on (empty: none).
  bool RankFromCache(QueryCall& call, const CohortYearQuery& query, const RankingLimits& limits,
                     const std::string& around_report_id, jixiao::v1::RankingResponse* response);

 private:
  // False, nothing listed, when the catalog cannot be used (not ready, or
  // Redis failed).
  bool ListFromCatalog(QueryCall& call, CohortYearQuery& query);
  absl::Status ListFromIngest(QueryCall& call, CohortYearQuery& query);
  absl::Status FetchRows(QueryCall& call, CohortYearQuery& query);

  const NamedCohorts* const cohorts_;
  LoadedSchemes* const schemes_;
  ScoreCacheReader* const cache_;
  ScoreCardSource* const cards_;
  IngestClient* const ingest_;
};

}  // namespace jixiao::query
