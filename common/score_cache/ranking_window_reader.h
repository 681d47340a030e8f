#pragma once
// A ranking answer read from the sorted sets in one round trip: the cohort's
// coverage, the top entries, the entries around one report, and the
// department and version of every report listed. Asked command by command
// this is about seven round trips (coverage, ZREVRANGE, ZREVRANK, ZREVRANGE,
// ZCOUNT, HMGET, HMGET); one Lua script reads them all, consistently, and
// each of its steps is O(log n + listed) in the cohort's size n, so a
// national cohort of 100,000 departments costs what a district's does.
//
// Ranks follow ranking_index.h: competition ranks, 1 + the number of strictly
// greater totals.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/lua_script.h"
#include "common/score_cache/ranking_index.h"
#include "jixiao/v1/department.pb.h"

namespace jixiao::score_cache {

struct ListedReport {
  std::string report_id;
  int64_t version = 0;  // the catalog's latest (the version ranked)
  std::optional<jixiao::v1::Department> department;
};

struct RankingWindow {
  CohortCoverage coverage;
  // Only read when coverage.complete(); empty otherwise.
  std::vector<RankedEntry> top;
  std::vector<RankedEntry> around;
  // Every report of `top` and `around`, once, sorted by report_id.
  std::vector<ListedReport> listed;
};

class RankingWindowReader {
 public:
  // `pool` must outlive the reader.
  explicit RankingWindowReader(redis::RedisPool* pool);

  // The first `top_n` entries, and those within `around_k` places of
  // `around_report_id` (none when it is empty or not ranked).
  absl::StatusOr<RankingWindow> Read(const RankingScope& scope, int64_t top_n,
                                     absl::string_view around_report_id, int64_t around_k);

 private:
  redis::RedisPool* const pool_;
  LuaScript script_;
};

}  // namespace jixiao::score_cache
