#include "common/score_cache/ranking_window_reader.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
namespace {

// KEYS: catalog-ready, the cohort set, the rank set, the unranked set, the
// latest-versions hash, the departments hash. ARGV: top_n, around report id
// ('' for none), around_k.
// Replies {ready, members, ranked, unranked} when the ranking does not cover
// the cohort, else those four followed by
//   {start, first_rank, id, score, ...} for the top entries,
//   {start, first_rank, id, score, ...} for the entries around (start -1: none),
//   {id, version, department, ...} for every id listed once.
// A range's first rank counts the strictly greater totals; ZCOUNT with an
// exclusive bound is O(log n).
constexpr char kRankingWindowLua[] = R"lua(
local ready = redis.call('EXISTS', KEYS[1])
local members = redis.call('SCARD', KEYS[2])
local ranked = redis.call('ZCARD', KEYS[3])
local unranked = redis.call('ZCARD', KEYS[4])
if ready == 0 or members ~= ranked + unranked then
  return {ready, members, ranked, unranked}
end
local listed = {}
local function range(start, stop)
  local out = {start, 1}
  if stop < start then return out end
  local flat = redis.call('ZREVRANGE', KEYS[3], start, stop, 'WITHSCORES')
  if #flat > 0 and start > 0 then
    out[2] = redis.call('ZCOUNT', KEYS[3], '(' .. flat[2], '+inf') + 1
  end
  for i = 1, #flat, 2 do
    out[#out + 1] = flat[i]
    out[#out + 1] = flat[i + 1]
    listed[flat[i]] = true
  end
  return out
end
local top = range(0, tonumber(ARGV[1]) - 1)
local around = {-1, 0}
if ARGV[2] ~= '' then
  local position = redis.call('ZREVRANK', KEYS[3], ARGV[2])
  if position then
    local k = tonumber(ARGV[3])
    around = range(math.max(position - k, 0), position + k)
  end
end
local ids = {}
for id in pairs(listed) do ids[#ids + 1] = id end
local reports = {}
if #ids > 0 then
  -- Two HMGETs rather than an HGET per id: each redis.call costs about a
  -- microsecond of Lua, which for 60 ids would double the script.
  local versions = redis.call('HMGET', KEYS[5], unpack(ids))
  local departments = redis.call('HMGET', KEYS[6], unpack(ids))
  for i, id in ipairs(ids) do
    reports[#reports + 1] = id
    reports[#reports + 1] = versions[i] or '0'
    reports[#reports + 1] = departments[i]
  end
end
return {ready, members, ranked, unranked, top, around, reports}
)lua";

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
    : pool_(pool), script_(kRankingWindowLua) {}

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
