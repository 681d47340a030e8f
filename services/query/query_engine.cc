#include "services/query/query_engine.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/query/logic/comparison_row.h"
#include "services/query/logic/credibility_lens.h"
#include "services/query/logic/freshness_merge.h"
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

absl::Status CheckFiscalYear(int fiscal_year) {
  if (fiscal_year > 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("fiscal_year: is required and must be positive, got ", fiscal_year));
}

absl::Status CheckDistrictCodes(const google::protobuf::RepeatedPtrField<std::string>& codes) {
  for (int i = 0; i < codes.size(); ++i) {
    if (codes[i].empty()) {
      return absl::InvalidArgumentError(absl::StrCat("district_codes[", i, "]: is empty"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

QueryEngine::QueryEngine(QueryEngineOptions options, redis::RedisPool* pool, ScoringClient* scoring,
                         IngestClient* ingest, logging::Logger logger)
    : options_(std::move(options)),
      ingest_(ingest),
      cache_(pool, options_.row_ttl, logger),
      cards_(&cache_, scoring),
      schemes_(scoring, options_.default_scheme_id, options_.scheme_list_max_age, logger) {}

absl::StatusOr<std::string> QueryEngine::GetScoreCard(
    grpc::CallbackServerContext* context, const jixiao::v1::GetScoreCardRequest& request) {
  if (request.report_id().empty()) return absl::InvalidArgumentError("report_id: is required");
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<LoadedScheme> scheme = schemes_.Resolve(call, request.scheme());
  if (!scheme.ok()) return scheme.status();

  LatestCard latest = cards_.FetchLatest(call, scheme->ref, request.report_id());
  if (!latest.status.ok()) return latest.status;
  return GetScoreCardResponseWire(
      latest.scorecard_wire,
      MergeFreshness({&latest.freshness, 1}, scheme->ref, call.cache_failed()));
}

absl::StatusOr<QueryEngine::CompareScope> QueryEngine::CheckScope(
    int fiscal_year, const jixiao::v1::Cohort& cohort,
    const google::protobuf::RepeatedPtrField<std::string>& district_codes) const {
  if (absl::Status status = CheckFiscalYear(fiscal_year); !status.ok()) return status;
  if (absl::Status status = CheckDistrictCodes(district_codes); !status.ok()) return status;
  absl::StatusOr<CohortPlan> plan = CohortPlan::Resolve(cohort, options_.cohorts);
  if (!plan.ok()) return plan.status();
  CompareScope scope;
  scope.fiscal_year = fiscal_year;
  scope.plan = *std::move(plan);
  scope.district_codes.assign(district_codes.begin(), district_codes.end());
  return scope;
}

absl::StatusOr<QueryEngine::ComparedRows> QueryEngine::CompareYear(QueryCall& call,
                                                                   const LoadedScheme& scheme,
                                                                   const CompareScope& scope,
                                                                   int fiscal_year) {
  const MemberFilter filter(*scope.plan, scope.district_codes, scheme.report_kind, fiscal_year);
  absl::StatusOr<std::vector<Candidate>> candidates = Candidates(
      call, scheme.ref, fiscal_year, *scope.plan, scope.district_codes, scheme.report_kind, filter);
  if (!candidates.ok()) return candidates.status();
  return CompareRows(call, scheme.ref, *candidates, filter);
}

template <typename Request>
absl::StatusOr<QueryEngine::CohortYear> QueryEngine::OpenCohortYear(QueryCall& call,
                                                                    const Request& request) {
  absl::StatusOr<CompareScope> scope =
      CheckScope(request.fiscal_year(), request.cohort(), request.district_codes());
  if (!scope.ok()) return scope.status();
  absl::StatusOr<LoadedScheme> scheme = schemes_.Resolve(call, request.scheme());
  if (!scheme.ok()) return scheme.status();
  absl::StatusOr<ComparedRows> rows = CompareYear(call, *scheme, *scope, request.fiscal_year());
  if (!rows.ok()) return rows.status();
  return CohortYear{*std::move(scheme), *std::move(scope), *std::move(rows)};
}

absl::Status QueryEngine::Compare(grpc::CallbackServerContext* context,
                                  const jixiao::v1::CompareRequest& request,
                                  jixiao::v1::CompareResponse* response) {
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYear> year = OpenCohortYear(call, request);
  if (!year.ok()) return year.status();
  const LoadedScheme& scheme = year->scheme;
  ComparedRows& compared = year->rows;

  if (request.shared_groups_only()) {
    const std::vector<std::string> shared = SharedGroups(compared.rows);
    ApplySharedGroups(shared, compared.rows);
    RankRows(compared.rows, RankBy::kSharedPercent);
    for (const std::string& group : shared) response->add_shared_groups(group);
  }
  *response->mutable_scheme() = scheme.ref;
  for (jixiao::v1::ComparisonRow& row : compared.rows) *response->add_rows() = std::move(row);
  *response->mutable_freshness() = MergeFreshness(compared.parts, scheme.ref, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::CohortStatistics(grpc::CallbackServerContext* context,
                                           const jixiao::v1::CohortStatisticsRequest& request,
                                           jixiao::v1::CohortStatisticsResponse* response) {
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYear> year = OpenCohortYear(call, request);
  if (!year.ok()) return year.status();
  const LoadedScheme& scheme = year->scheme;
  ComparedRows& current = year->rows;
  absl::StatusOr<ComparedRows> previous =
      CompareYear(call, scheme, year->scope, request.fiscal_year() - 1);
  if (!previous.ok()) return previous.status();

  const std::vector<std::string> wanted(request.department_codes().begin(),
                                        request.department_codes().end());
  FillCohortStatistics(current.rows, previous->rows, wanted, response);
  *response->mutable_scheme() = scheme.ref;
  response->set_fiscal_year(request.fiscal_year());
  std::vector<jixiao::v1::Freshness> parts = std::move(current.parts);
  parts.insert(parts.end(), previous->parts.begin(), previous->parts.end());
  *response->mutable_freshness() = MergeFreshness(parts, scheme.ref, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::BudgetCredibility(grpc::CallbackServerContext* context,
                                            const jixiao::v1::BudgetCredibilityRequest& request,
                                            jixiao::v1::BudgetCredibilityResponse* response) {
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<CohortYear> opened = OpenCohortYear(call, request);
  if (!opened.ok()) return opened.status();
  const LoadedScheme& scheme = opened->scheme;
  ComparedRows& current = opened->rows;
  // PI-1 looks back over three years: the two before are read as one more comparison each.
  std::vector<jixiao::v1::ComparisonRow> earlier;
  std::vector<jixiao::v1::Freshness> parts = std::move(current.parts);
  for (int year = request.fiscal_year() - 2; year < request.fiscal_year(); ++year) {
    absl::StatusOr<ComparedRows> rows = CompareYear(call, scheme, opened->scope, year);
    if (!rows.ok()) return rows.status();
    for (jixiao::v1::ComparisonRow& row : rows->rows) earlier.push_back(std::move(row));
    parts.insert(parts.end(), rows->parts.begin(), rows->parts.end());
  }
  for (jixiao::v1::DepartmentCredibility& department :
       AssessCredibility(current.rows, earlier, request.fiscal_year())) {
    *response->add_departments() = std::move(department);
  }
  *response->mutable_scheme() = scheme.ref;
  response->set_fiscal_year(request.fiscal_year());
  *response->mutable_freshness() = MergeFreshness(parts, scheme.ref, call.cache_failed());
  return absl::OkStatus();
}

absl::Status QueryEngine::Ranking(grpc::CallbackServerContext* context,
                                  const jixiao::v1::RankingRequest& request,
                                  jixiao::v1::RankingResponse* response) {
  if (absl::Status status = CheckFiscalYear(request.fiscal_year()); !status.ok()) return status;
  const bool around_requested = !request.around_department_code().empty();
  absl::StatusOr<RankingLimits> limits =
      ResolveRankingLimits(request.top_n(), around_requested, request.around_k());
  if (!limits.ok()) return limits.status();
  absl::StatusOr<CohortPlan> plan = CohortPlan::Resolve(request.cohort(), options_.cohorts);
  if (!plan.ok()) return plan.status();
  QueryCall call(context, options_.downstream_timeout);
  absl::StatusOr<LoadedScheme> scheme = schemes_.Resolve(call, request.scheme());
  if (!scheme.ok()) return scheme.status();

  // The sorted sets find "around me" by report id: a department's one
  // self-evaluation has a known id, its projects' reports do not, so a
  // project ranking around a department is computed.
  const bool one_per_department = OnePerDepartmentAndYear(scheme->report_kind);
  const std::string around_report_id =
      around_requested && one_per_department
          ? DepartmentReportId(request.around_department_code(), request.fiscal_year())
          : "";
  if ((!around_requested || one_per_department) &&
      RankingFromCache(call, *scheme, request.fiscal_year(), *plan, *limits, around_report_id,
                       response)) {
    return absl::OkStatus();
  }

  CompareScope scope;
  scope.fiscal_year = request.fiscal_year();
  scope.plan = *std::move(plan);
  absl::StatusOr<ComparedRows> compared = CompareYear(call, *scheme, scope, request.fiscal_year());
  if (!compared.ok()) return compared.status();

  for (jixiao::v1::RankingEntry& entry : TopEntries(compared->rows, limits->top_n)) {
    *response->add_top() = std::move(entry);
  }
  if (around_requested) {
    for (jixiao::v1::RankingEntry& entry :
         AroundEntries(compared->rows, request.around_department_code(), limits->around_k)) {
      *response->add_around() = std::move(entry);
    }
  }
  const int ranked = RankedCount(compared->rows);
  response->set_cohort_size(static_cast<int32_t>(compared->rows.size()));
  response->set_ranked(ranked);
  response->set_unranked(static_cast<int32_t>(compared->rows.size()) - ranked);
  *response->mutable_freshness() =
      MergeFreshness(compared->parts, scheme->ref, call.cache_failed());
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

absl::StatusOr<std::vector<QueryEngine::Candidate>> QueryEngine::Candidates(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme, int fiscal_year, const CohortPlan& plan,
    absl::Span<const std::string> district_codes, jixiao::v1::ReportKind report_kind,
    const MemberFilter& filter) {
  if (std::optional<std::vector<Candidate>> from_catalog =
          CandidatesFromCatalog(call, scheme, fiscal_year, plan, report_kind, filter)) {
    return *std::move(from_catalog);
  }
  return CandidatesFromIngest(call, fiscal_year, plan, district_codes, filter);
}

std::optional<std::vector<QueryEngine::Candidate>> QueryEngine::CandidatesFromCatalog(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme, int fiscal_year, const CohortPlan& plan,
    jixiao::v1::ReportKind report_kind, const MemberFilter& filter) {
  std::vector<score_cache::CohortMemberRow> members;
  if (!plan.department_codes().empty() &&
      report_kind == jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION) {
    // A listed department has one self-evaluation a year, whose id is known.
    std::vector<std::string> ids;
    ids.reserve(plan.department_codes().size());
    for (const std::string& code : plan.department_codes()) {
      ids.push_back(DepartmentReportId(code, fiscal_year));
    }
    std::optional<score_cache::CohortRows> cohort = cache_.ReportRows(call, scheme, ids);
    if (!cohort || !cohort->catalog_ready) return std::nullopt;
    members = std::move(cohort->members);
  } else {
    // Reports of a kind a department has many of a year (and, for a scheme
    // that names no kind, those of every kind) are read from their kind's
    // cohort sets; a listed cohort is "all" of them, filtered below.
    std::vector<jixiao::v1::ReportKind> kinds = {report_kind};
    if (report_kind == jixiao::v1::REPORT_KIND_UNSPECIFIED) {
      kinds = {jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
               jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION,
               jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION};
    }
    for (jixiao::v1::ReportKind kind : kinds) {
      std::optional<score_cache::CohortRows> cohort =
          cache_.CohortRows(call, scheme, fiscal_year, kind, plan.redis_cohort());
      if (!cohort || !cohort->catalog_ready) return std::nullopt;
      std::move(cohort->members.begin(), cohort->members.end(), std::back_inserter(members));
    }
  }
  std::vector<Candidate> candidates;
  candidates.reserve(members.size());
  for (score_cache::CohortMemberRow& member : members) {
    const jixiao::v1::Department* department = member.row.has_value()
                                                   ? &member.row->row().department()
                                               : member.department.has_value() ? &*member.department
                                                                               : nullptr;
    // Without a department here the card's own is checked once it is fetched.
    if (department != nullptr && !filter.Admits(member.report_id, *department)) continue;
    candidates.push_back({std::move(member.report_id), member.version, /*from_catalog=*/true,
                          std::move(member.row)});
  }
  return candidates;
}

absl::StatusOr<std::vector<QueryEngine::Candidate>> QueryEngine::CandidatesFromIngest(
    QueryCall& call, int fiscal_year, const CohortPlan& plan,
    absl::Span<const std::string> district_codes, const MemberFilter& filter) {
  // Ingest filters what it can (one district, a level, one tag); the rest is filtered here.
  jixiao::v1::ListReportsRequest request;
  request.set_fiscal_year(fiscal_year);
  if (district_codes.size() == 1) request.set_district_code(district_codes.front());
  request.set_level(plan.level());
  if (plan.sector_tags().size() == 1) request.set_sector_tag(plan.sector_tags().front());
  absl::StatusOr<std::vector<jixiao::v1::ReportSummary>> reports =
      ingest_->ListAllReports(call, request);
  if (!reports.ok()) return reports.status();
  std::vector<Candidate> candidates;
  for (const jixiao::v1::ReportSummary& report : *reports) {
    if (report.fiscal_year() != fiscal_year) continue;
    if (!filter.Admits(report.ref().report_id(), report.department())) continue;
    candidates.push_back(
        {report.ref().report_id(), report.ref().version(), /*from_catalog=*/false, std::nullopt});
  }
  return candidates;
}

absl::StatusOr<QueryEngine::ComparedRows> QueryEngine::CompareRows(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme, absl::Span<const Candidate> candidates,
    const MemberFilter& filter) {
  std::vector<WantedCard> wanted;
  std::vector<std::optional<jixiao::v1::CachedComparisonRow>> known;
  wanted.reserve(candidates.size());
  // Candidates from the catalog come with the cache's rows, misses included.
  const bool rows_read = !candidates.empty() && candidates.front().from_catalog;
  for (const Candidate& candidate : candidates) {
    wanted.push_back({candidate.report_id, candidate.version});
    if (rows_read) known.push_back(candidate.row);
  }
  std::vector<FetchedRow> fetched = cards_.FetchRows(call, scheme, wanted, known);
  ComparedRows compared;
  for (FetchedRow& result : fetched) {
    if (!result.status.ok()) return result.status;
    if (!filter.Admits(result.row.report_id(), result.row.department())) continue;
    compared.rows.push_back(std::move(result.row));
    compared.parts.push_back(std::move(result.freshness));
  }
  RankRows(compared.rows);
  return compared;
}

bool QueryEngine::RankingFromCache(QueryCall& call, const LoadedScheme& scheme, int fiscal_year,
                                   const CohortPlan& plan, const RankingLimits& limits,
                                   const std::string& around_report_id,
                                   jixiao::v1::RankingResponse* response) {
  // A scheme that names no kind ranks every kind together: no set holds that.
  if (!plan.is_redis_cohort() || scheme.report_kind == jixiao::v1::REPORT_KIND_UNSPECIFIED) {
    return false;
  }
  score_cache::RankingScope scope;
  scope.scheme = scheme.ref;
  scope.fiscal_year = fiscal_year;
  scope.cohort = plan.redis_cohort();
  scope.kind = scheme.report_kind;
  std::optional<score_cache::RankingWindow> window =
      cache_.RankingWindow(call, scope, limits.top_n, around_report_id, limits.around_k);
  if (!window || !window->coverage.complete()) return false;

  auto add_entries = [&](const std::vector<score_cache::RankedEntry>& entries,
                         google::protobuf::RepeatedPtrField<jixiao::v1::RankingEntry>* out) {
    for (const score_cache::RankedEntry& ranked : entries) {
      jixiao::v1::RankingEntry* entry = out->Add();
      entry->set_rank(static_cast<int32_t>(ranked.rank));
      entry->set_total(ranked.total);
      entry->set_report_id(ranked.report_id);
      const auto listed =
          std::lower_bound(window->listed.begin(), window->listed.end(), ranked.report_id,
                           [](const score_cache::ListedReport& a, const std::string& id) {
                             return a.report_id < id;
                           });
      if (listed != window->listed.end() && listed->report_id == ranked.report_id &&
          listed->department) {
        entry->set_department_code(listed->department->code());
        entry->set_department_name(listed->department->name());
      }
    }
  };
  add_entries(window->top, response->mutable_top());
  add_entries(window->around, response->mutable_around());
  response->set_cohort_size(
      static_cast<int32_t>(window->coverage.ranked + window->coverage.unranked));
  response->set_ranked(static_cast<int32_t>(window->coverage.ranked));
  response->set_unranked(static_cast<int32_t>(window->coverage.unranked));

  // The sorted sets hold totals only: the refs name the versions ranked (the
  // catalog's latest, which is all a ranking ever holds) without content
  // hashes, and the age of the cards behind them is not known (0).
  jixiao::v1::Freshness* freshness = response->mutable_freshness();
  freshness->set_from_cache(true);
  for (const score_cache::ListedReport& listed : window->listed) {
    jixiao::v1::ReportRef* ref = freshness->add_reports();
    ref->set_report_id(listed.report_id);
    ref->set_version(listed.version);
  }
  *freshness->mutable_scheme() = scheme.ref;
  return true;
}

}  // namespace jixiao::query
