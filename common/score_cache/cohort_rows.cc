#include "common/score_cache/cohort_rows.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/lua_scripts.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
namespace {

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

CohortRowsReader::CohortRowsReader(redis::RedisPool* pool)
    : pool_(pool), script_(CohortRowsLua()) {}

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
