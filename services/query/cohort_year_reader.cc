#include "services/query/cohort_year_reader.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/query/logic/report_ids.h"
#include "services/query/logic/row_ranking.h"

namespace jixiao::query {
namespace {

absl::Status CheckDistrictCodes(const google::protobuf::RepeatedPtrField<std::string>& codes) {
  for (int i = 0; i < codes.size(); ++i) {
    if (codes[i].empty()) {
      return absl::InvalidArgumentError(absl::StrCat("district_codes[", i, "]: is empty"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckFiscalYear(int fiscal_year) {
  if (fiscal_year > 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("fiscal_year: is required and must be positive, got ", fiscal_year));
}

CohortYearQuery::CohortYearQuery(LoadedScheme scheme_in, int fiscal_year_in, CohortPlan plan_in,
                                 std::vector<std::string> district_codes_in)
    : scheme(std::move(scheme_in)),
      fiscal_year(fiscal_year_in),
      plan(std::move(plan_in)),
      district_codes(std::move(district_codes_in)),
      filter(plan, district_codes, scheme.report_kind, fiscal_year) {}

CohortYearQuery CohortYearQuery::InYear(int other_fiscal_year) const {
  return CohortYearQuery(scheme, other_fiscal_year, plan, district_codes);
}

CohortYearReader::CohortYearReader(const NamedCohorts* cohorts, LoadedSchemes* schemes,
                                   ScoreCacheReader* cache, ScoreCardSource* cards,
                                   IngestClient* ingest)
    : cohorts_(cohorts), schemes_(schemes), cache_(cache), cards_(cards), ingest_(ingest) {}

absl::StatusOr<CohortYearQuery> CohortYearReader::Open(
    QueryCall& call, int fiscal_year, const jixiao::v1::Cohort& cohort,
    const google::protobuf::RepeatedPtrField<std::string>& district_codes,
    const jixiao::v1::SchemeRef& scheme) {
  if (absl::Status status = CheckFiscalYear(fiscal_year); !status.ok()) return status;
  if (absl::Status status = CheckDistrictCodes(district_codes); !status.ok()) return status;
  absl::StatusOr<CohortPlan> plan = CohortPlan::Resolve(cohort, *cohorts_);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<LoadedScheme> loaded = schemes_->Resolve(call, scheme);
  if (!loaded.ok()) return loaded.status();
  return CohortYearQuery(*std::move(loaded), fiscal_year, *std::move(plan),
                         std::vector<std::string>(district_codes.begin(), district_codes.end()));
}

absl::Status CohortYearReader::Read(QueryCall& call, CohortYearQuery& query) {
  if (!ListFromCatalog(call, query)) {
    if (absl::Status status = ListFromIngest(call, query); !status.ok()) return status;
  }
  return FetchRows(call, query);
}

bool CohortYearReader::ListFromCatalog(QueryCall& call, CohortYearQuery& query) {
  std::vector<score_cache::CohortMemberRow> members;
  if (!query.plan.department_codes().empty() &&
      query.kind() == jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION) {
    // A listed department has one self-evaluation a year, whose id is known.
    std::vector<std::string> ids;
    ids.reserve(query.plan.department_codes().size());
    for (const std::string& code : query.plan.department_codes()) {
      ids.push_back(DepartmentReportId(code, query.fiscal_year));
    }
    std::optional<score_cache::CohortRows> cohort = cache_->ReportRows(call, query.scheme.ref, ids);
    if (!cohort || !cohort->catalog_ready) return false;
    members = std::move(cohort->members);
  } else {
    // Reports of a kind a department has many of a year (and, for a scheme
    // that names no kind, those of every kind) are read from their kind's
    // cohort sets; a listed cohort is "all" of them, filtered below.
    std::vector<jixiao::v1::ReportKind> kinds = {query.kind()};
    if (query.kind() == jixiao::v1::REPORT_KIND_UNSPECIFIED) {
      kinds = {jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
               jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION,
               jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION};
    }
    for (jixiao::v1::ReportKind kind : kinds) {
      std::optional<score_cache::CohortRows> cohort = cache_->CohortRows(
          call, query.scheme.ref, query.fiscal_year, kind, query.plan.redis_cohort());
      if (!cohort || !cohort->catalog_ready) return false;
      std::move(cohort->members.begin(), cohort->members.end(), std::back_inserter(members));
    }
  }
  query.candidates.reserve(members.size());
  for (score_cache::CohortMemberRow& member : members) {
    const jixiao::v1::Department* department = member.row.has_value()
                                                   ? &member.row->row().department()
                                               : member.department.has_value() ? &*member.department
                                                                               : nullptr;
    // Without a department here the card's own is checked once it is fetched.
    if (department != nullptr && !query.filter.Admits(member.report_id, *department)) continue;
    query.candidates.push_back(
        {std::move(member.report_id), member.version, std::move(member.row)});
  }
  query.source = CandidateSource::kCatalog;
  return true;
}

absl::Status CohortYearReader::ListFromIngest(QueryCall& call, CohortYearQuery& query) {
  // Ingest filters what it can (one district, a level, one tag); the rest is filtered here.
  jixiao::v1::ListReportsRequest request;
  request.set_fiscal_year(query.fiscal_year);
  if (query.district_codes.size() == 1) request.set_district_code(query.district_codes.front());
  request.set_level(query.plan.level());
  if (query.plan.sector_tags().size() == 1) {
    request.set_sector_tag(query.plan.sector_tags().front());
  }
  absl::StatusOr<std::vector<jixiao::v1::ReportSummary>> reports =
      ingest_->ListAllReports(call, request);
  if (!reports.ok()) return reports.status();
  for (const jixiao::v1::ReportSummary& report : *reports) {
    if (report.fiscal_year() != query.fiscal_year) continue;
    if (!query.filter.Admits(report.ref().report_id(), report.department())) continue;
    query.candidates.push_back({report.ref().report_id(), report.ref().version(), std::nullopt});
  }
  query.source = CandidateSource::kIngest;
  return absl::OkStatus();
}

absl::Status CohortYearReader::FetchRows(QueryCall& call, CohortYearQuery& query) {
  std::vector<WantedCard> wanted;
  std::vector<std::optional<jixiao::v1::CachedComparisonRow>> known;
  wanted.reserve(query.candidates.size());
  // Candidates from the catalog come with the cache's rows, misses included;
  // for those from ingest the cache is asked here.
  const bool rows_read = query.source == CandidateSource::kCatalog;
  for (const Candidate& candidate : query.candidates) {
    wanted.push_back({candidate.report_id, candidate.version});
    if (rows_read) known.push_back(candidate.row);
  }
  std::vector<FetchedRow> fetched = cards_->FetchRows(call, query.scheme.ref, wanted, known);
  for (FetchedRow& result : fetched) {
    if (!result.status.ok()) return result.status;
    if (!query.filter.Admits(result.row.report_id(), result.row.department())) continue;
    query.rows.push_back(std::move(result.row));
    query.freshness.push_back(std::move(result.freshness));
  }
  RankRows(query.rows);
  return absl::OkStatus();
}

bool CohortYearReader::RankFromCache(QueryCall& call, const CohortYearQuery& query,
                                     const RankingLimits& limits,
                                     const std::string& around_report_id,
                                     jixiao::v1::RankingResponse* response) {
  // A scheme that names no kind ranks every kind together: no set holds that.
  if (!query.plan.is_redis_cohort() || query.kind() == jixiao::v1::REPORT_KIND_UNSPECIFIED) {
    return false;
  }
  score_cache::RankingScope scope;
  scope.scheme = query.scheme.ref;
  scope.fiscal_year = query.fiscal_year;
  scope.cohort = query.plan.redis_cohort();
  scope.kind = query.kind();
  std::optional<score_cache::RankingWindow> window =
      cache_->RankingWindow(call, scope, limits.top_n, around_report_id, limits.around_k);
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
  *freshness->mutable_scheme() = query.scheme.ref;
  return true;
}

}  // namespace jixiao::query
