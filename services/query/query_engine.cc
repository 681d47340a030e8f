#include "services/query/query_engine.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/metrics/degraded_answers.h"
#include "services/query/logic/comparison_row.h"
#include "services/query/logic/credibility_lens.h"
#include "services/query/logic/freshness_merge.h"
#include "services/query/logic/ranking_limits.h"
#include "services/query/logic/ranking_window.h"
#include "services/query/logic/report_ids.h"
#include "services/query/logic/row_ranking.h"
#include "services/query/logic/scorecard_wire.h"
#include "services/query/logic/shared_groups.h"
#include "services/query/logic/statistics_answer.h"
#include "services/query/logic/trend_years.h"

namespace jixiao::query {
namespace {

// Fiscal years are calendar years in China (UTC+8, no daylight saving): the
// year turns at midnight Beijing time, not UTC.
int CurrentFiscalYear() {
  return static_cast<int>(absl::ToCivilYear(absl::Now(), absl::FixedTimeZone(8 * 60 * 60)).year());
}

}  // namespace

QueryEngine::QueryEngine(QueryEngineOptions options, redis::RedisPool* pool, ScoringClient* scoring,
                         IngestClient* ingest, logging::Logger logger)
    : options_(std::move(options)),
      cache_(pool, options_.row_ttl, logger),
      cards_(&cache_, scoring),
      schemes_(scoring, options_.default_scheme_id, options_.scheme_list_max_age, logger),
      cohort_years_(&options_.cohorts, &schemes_, &cache_, &cards_, ingest) {}

absl::StatusOr<std::string> QueryEngine::GetScoreCard(
    grpc::CallbackServerContext* context, const jixiao::v1::GetScoreCardRequest& request) {
  if (request.report_id().empty()) return absl::InvalidArgumentError("report_id: is required");
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<LoadedScheme> scheme = schemes_.Resolve(call, request.scheme());
  if (!scheme.ok()) return scheme.status();

  LatestCard latest = cards_.FetchLatest(call, scheme->ref, request.report_id());
  if (!latest.status.ok()) return latest.status;
  jixiao::v1::Freshness freshness =
      MergeFreshness({&latest.freshness, 1}, scheme->ref, call.cache_failed());
  if (freshness.degraded()) metrics::CountDegradedAnswer("GetScoreCard");
  return GetScoreCardResponseWire(latest.scorecard_wire, freshness);
}

absl::Status QueryEngine::Compare(grpc::CallbackServerContext* context,
                                  const jixiao::v1::CompareRequest& request,
                                  jixiao::v1::CompareResponse* response) {
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYearQuery> year = cohort_years_.OpenAndRead(call, request);
  if (!year.ok()) return year.status();

  if (request.shared_groups_only()) {
    const std::vector<std::string> shared = SharedGroups(year->rows);
    ApplySharedGroups(shared, year->rows);
    RankRows(year->rows, RankBy::kSharedPercent);
    for (const std::string& group : shared) response->add_shared_groups(group);
  }
  *response->mutable_scheme() = year->scheme.ref;
  for (jixiao::v1::ComparisonRow& row : year->rows) *response->add_rows() = std::move(row);
  *response->mutable_freshness() =
      MergeFreshness(year->freshness, year->scheme.ref, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::CohortStatistics(grpc::CallbackServerContext* context,
                                           const jixiao::v1::CohortStatisticsRequest& request,
                                           jixiao::v1::CohortStatisticsResponse* response) {
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYearQuery> current = cohort_years_.OpenAndRead(call, request);
  if (!current.ok()) return current.status();
  CohortYearQuery previous = current->InYear(request.fiscal_year() - 1);
  if (absl::Status status = cohort_years_.Read(call, previous); !status.ok()) return status;

  const std::vector<std::string> wanted(request.department_codes().begin(),
                                        request.department_codes().end());
  FillCohortStatistics(current->rows, previous.rows, wanted, response);
  const jixiao::v1::SchemeRef& scheme = current->scheme.ref;
  *response->mutable_scheme() = scheme;
  response->set_fiscal_year(request.fiscal_year());
  std::vector<jixiao::v1::Freshness> parts = std::move(current->freshness);
  parts.insert(parts.end(), previous.freshness.begin(), previous.freshness.end());
  *response->mutable_freshness() = MergeFreshness(parts, scheme, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::BudgetCredibility(grpc::CallbackServerContext* context,
                                            const jixiao::v1::BudgetCredibilityRequest& request,
                                            jixiao::v1::BudgetCredibilityResponse* response) {
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYearQuery> current = cohort_years_.OpenAndRead(call, request);
  if (!current.ok()) return current.status();
  // PI-1 looks back over three years: the two before are read as one more comparison each.
  std::vector<jixiao::v1::ComparisonRow> earlier;
  std::vector<jixiao::v1::Freshness> parts = std::move(current->freshness);
  for (int fiscal_year = request.fiscal_year() - 2; fiscal_year < request.fiscal_year();
       ++fiscal_year) {
    CohortYearQuery before = current->InYear(fiscal_year);
    if (absl::Status status = cohort_years_.Read(call, before); !status.ok()) return status;
    for (jixiao::v1::ComparisonRow& row : before.rows) earlier.push_back(std::move(row));
    parts.insert(parts.end(), before.freshness.begin(), before.freshness.end());
  }
  for (jixiao::v1::DepartmentCredibility& department :
       AssessCredibility(current->rows, earlier, request.fiscal_year())) {
    *response->add_departments() = std::move(department);
  }
  const jixiao::v1::SchemeRef& scheme = current->scheme.ref;
  *response->mutable_scheme() = scheme;
  response->set_fiscal_year(request.fiscal_year());
  *response->mutable_freshness() = MergeFreshness(parts, scheme, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::Ranking(grpc::CallbackServerContext* context,
                                  const jixiao::v1::RankingRequest& request,
                                  jixiao::v1::RankingResponse* response) {
  // The year is checked before the limits, the cohort and the scheme after them.
  if (absl::Status status = CheckFiscalYear(request.fiscal_year()); !status.ok()) return status;
  const bool around_requested = !request.around_department_code().empty();
  absl::StatusOr<RankingLimits> limits =
      ResolveRankingLimits(request.top_n(), around_requested, request.around_k());
  if (!limits.ok()) return limits.status();
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYearQuery> year =
      cohort_years_.Open(call, request.fiscal_year(), request.cohort(),
                         /*district_codes=*/{}, request.scheme());
  if (!year.ok()) return year.status();

  // The sorted sets find "around me" by report id: a department's one
  // self-evaluation has a known id, its projects' reports do not, so a
  // project ranking around a department is computed.
  const bool one_per_department = OnePerDepartmentAndYear(year->kind());
  const std::string around_report_id =
      around_requested && one_per_department
          ? DepartmentReportId(request.around_department_code(), request.fiscal_year())
          : "";
  if ((!around_requested || one_per_department) &&
      cohort_years_.RankFromCache(call, *year, *limits, around_report_id, response)) {
    return absl::OkStatus();
  }
  if (absl::Status status = cohort_years_.Read(call, *year); !status.ok()) return status;

  for (jixiao::v1::RankingEntry& entry : TopEntries(year->rows, limits->top_n)) {
    *response->add_top() = std::move(entry);
  }
  if (around_requested) {
    for (jixiao::v1::RankingEntry& entry :
         AroundEntries(year->rows, request.around_department_code(), limits->around_k)) {
      *response->add_around() = std::move(entry);
    }
  }
  const int ranked = RankedCount(year->rows);
  response->set_cohort_size(static_cast<int32_t>(year->rows.size()));
  response->set_ranked(ranked);
  response->set_unranked(static_cast<int32_t>(year->rows.size()) - ranked);
  *response->mutable_freshness() =
      MergeFreshness(year->freshness, year->scheme.ref, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::Trend(grpc::CallbackServerContext* context,
                                const jixiao::v1::TrendRequest& request,
                                jixiao::v1::TrendResponse* response) {
  if (request.department_code().empty()) {
    return absl::InvalidArgumentError("department_code: is required");
  }
  absl::StatusOr<YearRange> years =
      ResolveTrendYears(request.from_year(), request.to_year(), CurrentFiscalYear());
  if (!years.ok()) return years.status();
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<LoadedScheme> scheme = schemes_.Resolve(call, request.scheme());
  if (!scheme.ok()) return scheme.status();
  // A trend follows one report a year; a department has one self-evaluation a
  // year but many project reports, which TrendRequest cannot choose between.
  if (!OnePerDepartmentAndYear(scheme->report_kind)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scheme: ", scheme->ref.id(), " scores ", jixiao::v1::ReportKind_Name(scheme->report_kind),
        " reports, of which a department has many a year; a trend follows a department's "
        "self-evaluation (use a department scheme)"));
  }

  std::vector<WantedCard> wanted;
  for (int year = years->from_year; year <= years->to_year; ++year) {
    wanted.push_back({DepartmentReportId(request.department_code(), year), 0});
  }
  if (cache_.CatalogReady(call).value_or(false)) {
    std::vector<std::string> ids;
    for (const WantedCard& card : wanted) ids.push_back(card.report_id);
    if (auto versions = cache_.LatestVersions(call, ids)) {
      // A ready catalog knows every stored report: no version, no report that year.
      std::vector<WantedCard> stored;
      for (size_t i = 0; i < wanted.size(); ++i) {
        if ((*versions)[i] > 0) stored.push_back({wanted[i].report_id, (*versions)[i]});
      }
      wanted = std::move(stored);
    }
  }

  std::vector<FetchedCard> fetched = cards_.Fetch(call, scheme->ref, wanted);
  std::vector<jixiao::v1::Freshness> parts;
  for (FetchedCard& result : fetched) {
    // Without a ready catalog every year is asked for: NOT_FOUND is a year with no report.
    if (result.status.code() == absl::StatusCode::kNotFound) continue;
    if (!result.status.ok()) return result.status;
    jixiao::v1::TrendPoint* point = response->add_points();
    point->set_fiscal_year(result.card.fiscal_year());
    *point->mutable_row() = MakeComparisonRow(result.card);
    parts.push_back(std::move(result.freshness));
  }
  // Years were asked for in order; a card's own year orders the points all the same.
  std::stable_sort(response->mutable_points()->begin(), response->mutable_points()->end(),
                   [](const jixiao::v1::TrendPoint& a, const jixiao::v1::TrendPoint& b) {
                     return a.fiscal_year() < b.fiscal_year();
                   });
  *response->mutable_freshness() = MergeFreshness(parts, scheme->ref, call.cache_failed());
  return absl::OkStatus();
}

}  // namespace jixiao::query
