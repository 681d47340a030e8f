#pragma once
// The Redis key layout shared by ingest (which publishes report versions),
// scoring (which writes scorecards and rankings) and query (which reads them).
// Every key starts with "jixiao:v1:".
//
//   latest                         HASH report_id -> latest acknowledged version
//   departments                    HASH report_id -> serialized jixiao.v1.Department
//   catalog-ready:2                STRING, present once ingest has published every
//                                  stored report since Redis last started empty (the
//                                  number is the layout's: a Redis holding sets of an
//                                  older layout reads as not ready, and ingest fills
//                                  the new sets)
//   cohort:{year}:{kind}:{cohort}  SET of report_ids of that year and kind in that cohort
//   card:{scheme}@{v}:{report}@{v} STRING serialized CachedScoreCard (with a TTL)
//   row2:{scheme}@{v}:{report}@{v} STRING serialized CachedComparisonRow, written by
//                                  query beside the card it derives from (same TTL);
//                                  the number is the row's shape (cache_keys.cc)
//   rank:{scheme}@{v}:{year}:{kind}:{cohort}      ZSET report_id -> total (complete cards)
//   unranked:{scheme}@{v}:{year}:{kind}:{cohort}  ZSET report_id -> 0 (incomplete cards)
//   rank-keys:{year}               SET of the rank/unranked keys of that year
//
// A cohort is "all", "level:{level}" or "sector:{tag}" (see CohortsOf); {kind} is
// the report kind's segment of the id, "department", "project" or "evaluation"
// (report_id.h). A ranking compares reports of one kind: a department's
// self-evaluation and its projects' are never members of the same set, so a
// year that holds both shows complete coverage under either kind's scheme. Scorecard
// keys carry both versions, so a cached card can never be read for another
// version; the ranking sets only ever hold a report's latest version (ingest
// removes a report from them when it publishes a newer one, and scoring adds a
// card only while its version is still the latest).
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::score_cache {

inline constexpr absl::string_view kAllCohort = "all";

std::string LatestVersionsKey();
std::string DepartmentsKey();
std::string CatalogReadyKey();
std::string CohortKey(int fiscal_year, jixiao::v1::ReportKind kind, absl::string_view cohort);
std::string RankKeysRegistryKey(int fiscal_year);

// Requires a resolved scheme (id and version > 0) and a report version > 0.
std::string ScoreCardKey(const jixiao::v1::SchemeRef& scheme, absl::string_view report_id,
                         int64_t report_version);
// The comparison row derived from that scorecard.
std::string ComparisonRowKey(const jixiao::v1::SchemeRef& scheme, absl::string_view report_id,
                             int64_t report_version);
// ComparisonRowKey(scheme, id, v) is ComparisonRowKeyPrefix(scheme) + id + "@" + v.
std::string ComparisonRowKeyPrefix(const jixiao::v1::SchemeRef& scheme);
// ScoreCardKey(scheme, id, v) is ScoreCardKeyPrefix(scheme) + id + "@" + v: a
// Lua script that learns the version inside Redis builds the key from it.
std::string ScoreCardKeyPrefix(const jixiao::v1::SchemeRef& scheme);
std::string RankKey(const jixiao::v1::SchemeRef& scheme, int fiscal_year,
                    jixiao::v1::ReportKind kind, absl::string_view cohort);
std::string UnrankedKey(const jixiao::v1::SchemeRef& scheme, int fiscal_year,
                        jixiao::v1::ReportKind kind, absl::string_view cohort);

// The kind a report is filed under, read from its id. An id not in the format
// (report_id.h) is filed as a department self-evaluation's, where every report
// was filed before reports had kinds in the layout.
jixiao::v1::ReportKind KindOfReportId(absl::string_view report_id);

// "level:district" for DISTRICT, etc.; empty for an unspecified level.
std::string LevelCohort(jixiao::v1::AdministrativeLevel level);
std::string SectorCohort(absl::string_view tag);

// The cohorts a department belongs to: "all", its level's, and one per sector tag.
std::vector<std::string> CohortsOf(const jixiao::v1::Department& department);

}  // namespace jixiao::score_cache
