#include "common/score_cache/cohort_rows.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
namespace {

// KEYS: catalog-ready, the latest-versions hash, the departments hash, the
// cohort set. ARGV: the scheme's row key prefix. Replies {0} when the catalog
// is not ready, else {1, id1, version1, row1, department1, ...}: the row nil
// on a miss, the department nil when a row was found.
constexpr char kCohortRowsLua[] = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
local reply = {1}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  local version = redis.call('HGET', KEYS[2], id) or '0'
  local row = redis.call('GET', ARGV[1] .. id .. '@' .. version)
  reply[#reply + 1] = id
  reply[#reply + 1] = version
  reply[#reply + 1] = row
  reply[#reply + 1] = (not row) and redis.call('HGET', KEYS[3], id) or false
end
return reply
)lua";

}  // namespace

CohortRowsReader::CohortRowsReader(redis::RedisPool* pool) : pool_(pool), script_(kCohortRowsLua) {}

absl::StatusOr<CohortRows> CohortRowsReader::Read(const jixiao::v1::SchemeRef& scheme,
                                                  int fiscal_year, absl::string_view cohort) {
  const std::string keys[] = {CatalogReadyKey(), LatestVersionsKey(), DepartmentsKey(),
                              CohortKey(fiscal_year, cohort)};
  const std::string args[] = {ComparisonRowKeyPrefix(scheme)};
  absl::StatusOr<redis::RedisReply> reply = script_.Run(*pool_, keys, args);
  if (!reply.ok()) return reply.status();

  const std::vector<redis::RedisReply>& elements = reply->elements();
  if (!reply->is_array() || elements.empty() || !elements[0].is_integer() ||
      (elements.size() - 1) % 4 != 0) {
    return UnexpectedReply(*reply, "reading a cohort's comparison rows");
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
      return UnexpectedReply(*reply, "reading a cohort's comparison rows");
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

}  // namespace jixiao::score_cache
