#include "common/score_cache/ranking_window_reader.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/lua_scripts.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
namespace {

// {start, first_rank, id, score, ...} as entries with competition ranks: a
// rank changes only where the total does, to the entry's position.
absl::StatusOr<std::vector<RankedEntry>> ParseRange(const redis::RedisReply& range) {
  const std::vector<redis::RedisReply>& flat = range.elements();
  if (!range.is_array() || flat.size() < 2 || flat.size() % 2 != 0 || !flat[0].is_integer() ||
      !flat[1].is_integer()) {
    return UnexpectedReply(range, "reading a ranking range");
  }
  const int64_t start = flat[0].integer();
  std::vector<RankedEntry> entries;
  entries.reserve((flat.size() - 2) / 2);
  for (size_t i = 2; i < flat.size(); i += 2) {
    RankedEntry entry;
    if (!flat[i].is_string() || !flat[i + 1].is_string() ||
        !absl::SimpleAtod(flat[i + 1].str(), &entry.total)) {
      return UnexpectedReply(range, "reading a ranking range");
    }
    entry.report_id = flat[i].str();
    const int64_t position = start + static_cast<int64_t>(entries.size());
    entry.rank = entries.empty()                       ? flat[1].integer()
                 : entry.total == entries.back().total ? entries.back().rank
                                                       : position + 1;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

RankingWindowReader::RankingWindowReader(redis::RedisPool* pool)
    : pool_(pool), script_(RankingWindowLua()) {}

absl::StatusOr<RankingWindow> RankingWindowReader::Read(const RankingScope& scope, int64_t top_n,
                                                        absl::string_view around_report_id,
                                                        int64_t around_k) {
  const std::string keys[] = {
      CatalogReadyKey(),
      CohortKey(scope.fiscal_year, scope.kind, scope.cohort),
      RankKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort),
      UnrankedKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort),
      LatestVersionsKey(),
      DepartmentsKey(),
  };
  const std::string args[] = {absl::StrCat(std::max<int64_t>(top_n, 0)),
                              std::string(around_report_id),
                              absl::StrCat(std::max<int64_t>(around_k, 0))};
  absl::StatusOr<redis::RedisReply> reply = script_.Run(*pool_, keys, args);
  if (!reply.ok()) return reply.status();

  const std::vector<redis::RedisReply>& parts = reply->elements();
  if (!reply->is_array() || (parts.size() != 4 && parts.size() != 7)) {
    return UnexpectedReply(*reply, "reading a ranking");
  }
  for (size_t i = 0; i < 4; ++i) {
    if (!parts[i].is_integer()) return UnexpectedReply(*reply, "reading a ranking");
  }
  RankingWindow window;
  window.coverage.catalog_ready = parts[0].integer() == 1;
  window.coverage.members = parts[1].integer();
  window.coverage.ranked = parts[2].integer();
  window.coverage.unranked = parts[3].integer();
  if (parts.size() == 4) return window;

  absl::StatusOr<std::vector<RankedEntry>> top = ParseRange(parts[4]);
  if (!top.ok()) return top.status();
  window.top = *std::move(top);
  absl::StatusOr<std::vector<RankedEntry>> around = ParseRange(parts[5]);
  if (!around.ok()) return around.status();
  window.around = *std::move(around);

  const std::vector<redis::RedisReply>& reports = parts[6].elements();
  if (!parts[6].is_array() || reports.size() % 3 != 0) {
    return UnexpectedReply(*reply, "reading a ranking's departments");
  }
  for (size_t i = 0; i < reports.size(); i += 3) {
    ListedReport listed;
    if (!reports[i].is_string() || !reports[i + 1].is_string() ||
        !absl::SimpleAtoi(reports[i + 1].str(), &listed.version)) {
      return UnexpectedReply(*reply, "reading a ranking's departments");
    }
    listed.report_id = reports[i].str();
    if (reports[i + 2].is_string()) {
      jixiao::v1::Department department;
      if (department.ParseFromString(reports[i + 2].str())) listed.department = department;
    }
    window.listed.push_back(std::move(listed));
  }
  std::sort(window.listed.begin(), window.listed.end(),
            [](const ListedReport& a, const ListedReport& b) { return a.report_id < b.report_id; });
  return window;
}

}  // namespace jixiao::score_cache
