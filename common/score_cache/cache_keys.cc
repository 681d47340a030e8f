#include "common/score_cache/cache_keys.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/domain/report_id/report_id.h"

namespace jixiao::score_cache {
namespace {

constexpr absl::string_view kPrefix = "jixiao:v1:";
constexpr absl::string_view kLevelPrefix = "ADMINISTRATIVE_LEVEL_";

std::string SchemePart(const jixiao::v1::SchemeRef& scheme) {
  return absl::StrCat(scheme.id(), "@", scheme.version());
}

}  // namespace

std::string LatestVersionsKey() { return absl::StrCat(kPrefix, "latest"); }
std::string DepartmentsKey() { return absl::StrCat(kPrefix, "departments"); }
// ":2": cohort sets gained the report kind; see cache_keys.h.
std::string CatalogReadyKey() { return absl::StrCat(kPrefix, "catalog-ready:2"); }

std::string CohortKey(int fiscal_year, jixiao::v1::ReportKind kind, absl::string_view cohort) {
  return absl::StrCat(kPrefix, "cohort:", fiscal_year, ":", report_id::KindSegment(kind), ":",
                      cohort);
}

std::string RankKeysRegistryKey(int fiscal_year) {
  return absl::StrCat(kPrefix, "rank-keys:", fiscal_year);
}

std::string ScoreCardKey(const jixiao::v1::SchemeRef& scheme, absl::string_view report_id,
                         int64_t report_version) {
  return absl::StrCat(ScoreCardKeyPrefix(scheme), report_id, "@", report_version);
}

std::string ComparisonRowKey(const jixiao::v1::SchemeRef& scheme, absl::string_view report_id,
                             int64_t report_version) {
  return absl::StrCat(ComparisonRowKeyPrefix(scheme), report_id, "@", report_version);
}

std::string ComparisonRowKeyPrefix(const jixiao::v1::SchemeRef& scheme) {
  // "row2": a row is derived by query's code of the day, so a derivation that
  // gains fields renames the key, and rows of the old shape are never read
  // (they expire with their TTL). 2: group maxima, incomplete groups, outturn.
  return absl::StrCat(kPrefix, "row2:", SchemePart(scheme), ":");
}

std::string ScoreCardKeyPrefix(const jixiao::v1::SchemeRef& scheme) {
  return absl::StrCat(kPrefix, "card:", SchemePart(scheme), ":");
}

std::string RankKey(const jixiao::v1::SchemeRef& scheme, int fiscal_year,
                    jixiao::v1::ReportKind kind, absl::string_view cohort) {
  return absl::StrCat(kPrefix, "rank:", SchemePart(scheme), ":", fiscal_year, ":",
                      report_id::KindSegment(kind), ":", cohort);
}

std::string UnrankedKey(const jixiao::v1::SchemeRef& scheme, int fiscal_year,
                        jixiao::v1::ReportKind kind, absl::string_view cohort) {
  return absl::StrCat(kPrefix, "unranked:", SchemePart(scheme), ":", fiscal_year, ":",
                      report_id::KindSegment(kind), ":", cohort);
}

jixiao::v1::ReportKind KindOfReportId(absl::string_view report_id) {
  absl::StatusOr<report_id::Parts> parts = report_id::Parse(report_id);
  return parts.ok() ? parts->kind : jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION;
}

std::string LevelCohort(jixiao::v1::AdministrativeLevel level) {
  if (level == jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED) return "";
  std::string name = jixiao::v1::AdministrativeLevel_Name(level);
  if (absl::StartsWith(name, kLevelPrefix)) name = name.substr(kLevelPrefix.size());
  return absl::StrCat("level:", absl::AsciiStrToLower(name));
}

std::string SectorCohort(absl::string_view tag) { return absl::StrCat("sector:", tag); }

std::vector<std::string> CohortsOf(const jixiao::v1::Department& department) {
  std::vector<std::string> cohorts = {std::string(kAllCohort)};
  std::string level = LevelCohort(department.level());
  if (!level.empty()) cohorts.push_back(std::move(level));
  for (const std::string& tag : department.sector_tags()) cohorts.push_back(SectorCohort(tag));
  return cohorts;
}

}  // namespace jixiao::score_cache
