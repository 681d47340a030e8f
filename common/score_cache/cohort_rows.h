#pragma once
// A year's cohort with each member's latest version and cached comparison row,
// read in one round trip. A comparison from the cache needs: whether the
// catalog is ready, the cohort's members, each one's latest version, and the
// row cached for that version (or, where none is, the member's department, to
// filter it before its card is fetched). Asked one by one these are five round
// trips; one Lua script reads them all, consistently.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/lua_script.h"
#include "jixiao/v1/cache.pb.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::score_cache {

struct CohortMemberRow {
  std::string report_id;
  int64_t version = 0;  // 0: the catalog lost the report's version (not expected)
  // The row cached for that version under the scheme; nullopt on a miss or an
  // entry that does not parse.
  std::optional<jixiao::v1::CachedComparisonRow> row;
  // Only for a member without a row: its department from the catalog.
  std::optional<jixiao::v1::Department> department;
};

struct CohortRows {
  bool catalog_ready = false;            // as LatestScoreCards'
  std::vector<CohortMemberRow> members;  // sorted by report_id, when ready
};

class CohortRowsReader {
 public:
  // `pool` must outlive the reader.
  explicit CohortRowsReader(redis::RedisPool* pool);

  // `scheme` must be resolved; `cohort` as CohortsOf names them ("all", ...);
  // only reports of `kind` are members.
  absl::StatusOr<CohortRows> Read(const jixiao::v1::SchemeRef& scheme, int fiscal_year,
                                  jixiao::v1::ReportKind kind, absl::string_view cohort);

  // The same for an explicit list of reports (the members of a listed
  // cohort); reports the catalog does not know are left out.
  absl::StatusOr<CohortRows> ReadReports(const jixiao::v1::SchemeRef& scheme,
                                         absl::Span<const std::string> report_ids);

 private:
  redis::RedisPool* const pool_;
  LuaScript script_;
};

}  // namespace jixiao::score_cache
