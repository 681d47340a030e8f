#include "common/score_cache/cohort_rows.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
namespace {

// KEYS: catalog-ready, the latest-versions hash, the departments hash, and
// the cohort set or nothing. ARGV: the scheme's row key prefix, then (without
// a cohort set) the report ids to read. Replies {0} when the catalog is not
// ready, else {1, id1, version1, row1, department1, ...}: the row nil on a
// miss, the department nil when a row was found. A listed id the catalog does
// not know (no report that year) is left out.
constexpr char kRowsLua[] = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
local from_cohort = #KEYS == 4
local ids = {}
if from_cohort then
  ids = redis.call('SMEMBERS', KEYS[4])
else
  for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
end
local reply = {1}
-- A few multi-key calls rather than three calls per report: each redis.call
-- costs about a microsecond of Lua, which for a 200-department cohort would
-- be most of the script. In chunks, as unpack() is bounded by Lua's stack.
local function chunked(command, key, list)
  local out = {}
  for first = 1, #list, 1000 do
    local last = math.min(first + 999, #list)
    local part
    if key then
      part = redis.call(command, key, unpack(list, first, last))
    else
      part = redis.call(command, unpack(list, first, last))
    end
    for i = 1, last - first + 1 do out[#out + 1] = part[i] end
  end
  return out
end
local versions = chunked('HMGET', KEYS[2], ids)
local known, keys = {}, {}
for i, id in ipairs(ids) do
  if versions[i] or from_cohort then
    local version = versions[i] or '0'
    known[#known + 1] = {id, version}
    keys[#keys + 1] = ARGV[1] .. id .. '@' .. version
  end
end
local rows = chunked('MGET', nil, keys)
local missing = {}
for i = 1, #known do
  if not rows[i] then missing[#missing + 1] = known[i][1] end
end
local departments = {}
local found = chunked('HMGET', KEYS[3], missing)
for i, id in ipairs(missing) do departments[id] = found[i] end
for i, entry in ipairs(known) do
  reply[#reply + 1] = entry[1]
  reply[#reply + 1] = entry[2]
  reply[#reply + 1] = rows[i]
  reply[#reply + 1] = departments[entry[1]] or false
end
return reply
)lua";

// The script's reply: {0}, or {1, id, version, row|nil, department|nil, ...}.
absl::StatusOr<CohortRows> ParseRowsReply(const redis::RedisReply& reply) {
  const std::vector<redis::RedisReply>& elements = reply.elements();
  if (!reply.is_array() || elements.empty() || !elements[0].is_integer() ||
      (elements.size() - 1) % 4 != 0) {
    return UnexpectedReply(reply, "reading comparison rows");
  }
  CohortRows result;
  result.catalog_ready = elements[0].integer() == 1;
  if (!result.catalog_ready) return result;
  result.members.resize((elements.size() - 1) / 4);
  for (size_t i = 0; i < result.members.size(); ++i) {
    const redis::RedisReply* member = &elements[1 + 4 * i];
    CohortMemberRow& out = result.members[i];
    if (!member[0].is_string() || !member[1].is_string() ||
        !absl::SimpleAtoi(member[1].str(), &out.version)) {
      return UnexpectedReply(reply, "reading comparison rows");
    }
    out.report_id = member[0].str();
    if (member[2].is_string()) {
      jixiao::v1::CachedComparisonRow row;
      if (row.ParseFromString(member[2].str())) out.row = std::move(row);
    }
    if (member[3].is_string()) {
      jixiao::v1::Department department;
      if (department.ParseFromString(member[3].str())) out.department = std::move(department);
    }
  }
  std::sort(
      result.members.begin(), result.members.end(),
      [](const CohortMemberRow& a, const CohortMemberRow& b) { return a.report_id < b.report_id; });
  return result;
}

}  // namespace

CohortRowsReader::CohortRowsReader(redis::RedisPool* pool) : pool_(pool), script_(kRowsLua) {}

absl::StatusOr<CohortRows> CohortRowsReader::Read(const jixiao::v1::SchemeRef& scheme,
                                                  int fiscal_year, jixiao::v1::ReportKind kind,
                                                  absl::string_view cohort) {
  const std::string keys[] = {CatalogReadyKey(), LatestVersionsKey(), DepartmentsKey(),
                              CohortKey(fiscal_year, kind, cohort)};
  const std::string args[] = {ComparisonRowKeyPrefix(scheme)};
  absl::StatusOr<redis::RedisReply> reply = script_.Run(*pool_, keys, args);
  if (!reply.ok()) return reply.status();
  return ParseRowsReply(*reply);
}

absl::StatusOr<CohortRows> CohortRowsReader::ReadReports(const jixiao::v1::SchemeRef& scheme,
                                                         absl::Span<const std::string> report_ids) {
  const std::string keys[] = {CatalogReadyKey(), LatestVersionsKey(), DepartmentsKey()};
  std::vector<std::string> args;
  args.reserve(report_ids.size() + 1);
  args.push_back(ComparisonRowKeyPrefix(scheme));
  args.insert(args.end(), report_ids.begin(), report_ids.end());
  absl::StatusOr<redis::RedisReply> reply = script_.Run(*pool_, keys, args);
  if (!reply.ok()) return reply.status();
  return ParseRowsReply(*reply);
}

}  // namespace jixiao::score_cache
