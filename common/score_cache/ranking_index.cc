#include "common/score_cache/ranking_index.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_client.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/lua_scripts.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
RankingIndex::RankingIndex(redis::RedisPool* pool) : pool_(pool), add_(RankingAddLua()) {}

absl::StatusOr<bool> RankingIndex::Add(const jixiao::v1::ScoreCard& card) {
  const int year = card.fiscal_year();
  const jixiao::v1::ReportKind kind = KindOfReportId(card.report().report_id());
  std::vector<std::string> keys = {LatestVersionsKey(), RankKeysRegistryKey(year)};
  for (const std::string& cohort : CohortsOf(card.department())) {
    keys.push_back(card.complete() ? RankKey(card.scheme(), year, kind, cohort)
                                   : UnrankedKey(card.scheme(), year, kind, cohort));
  }
  const std::string args[] = {card.report().report_id(), absl::StrCat(card.report().version()),
                              card.complete() ? redis::FormatRedisScore(card.total()) : "0"};
  absl::StatusOr<redis::RedisReply> reply = add_.Run(*pool_, keys, args);
  if (!reply.ok()) return reply.status();
  if (!reply->is_integer()) return UnexpectedReply(*reply, "ranking a scorecard");
  return reply->integer() == 1;
}

absl::StatusOr<CohortCoverage> RankingIndex::Coverage(const RankingScope& scope) {
  const std::vector<redis::RedisCommand> commands = {
      {"EXISTS", CatalogReadyKey()},
      {"SCARD", CohortKey(scope.fiscal_year, scope.kind, scope.cohort)},
      {"ZCARD", RankKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort)},
      {"ZCARD", UnrankedKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort)},
  };
  absl::StatusOr<std::vector<redis::RedisReply>> replies = pool_->Pipeline(commands);
  if (!replies.ok()) return replies.status();
  for (const redis::RedisReply& reply : *replies) {
    if (!reply.is_integer()) return UnexpectedReply(reply, "cohort coverage");
  }
  CohortCoverage coverage;
  coverage.catalog_ready = (*replies)[0].integer() == 1;
  coverage.members = (*replies)[1].integer();
  coverage.ranked = (*replies)[2].integer();
  coverage.unranked = (*replies)[3].integer();
  return coverage;
}

absl::StatusOr<std::vector<RankedEntry>> RankingIndex::Range(const RankingScope& scope,
                                                             int64_t start, int64_t stop) {
  const std::string key = RankKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort);
  redis::RedisClient client(pool_);
  absl::StatusOr<std::vector<redis::ScoredMember>> members =
      client.ZRangeRevWithScores(key, start, stop);
  if (!members.ok()) return members.status();
  std::vector<RankedEntry> entries;
  if (members->empty()) return entries;
  // The first entry's rank counts the strictly greater totals; after it, a rank
  // changes only where the total does, to the entry's position.
  int64_t first_rank = 1;
  if (start > 0) {
    const std::string above = absl::StrCat("(", redis::FormatRedisScore(members->front().score));
    const absl::string_view call[] = {"ZCOUNT", key, above, "+inf"};
    absl::StatusOr<redis::RedisReply> greater = pool_->Command(call);
    if (!greater.ok()) return greater.status();
    if (!greater->is_integer()) return UnexpectedReply(*greater, "ZCOUNT");
    first_rank = greater->integer() + 1;
  }
  entries.reserve(members->size());
  for (size_t i = 0; i < members->size(); ++i) {
    const redis::ScoredMember& member = (*members)[i];
    RankedEntry entry{first_rank, member.member, member.score};
    if (i > 0) {
      entry.rank = member.score == entries.back().total ? entries.back().rank
                                                        : start + static_cast<int64_t>(i) + 1;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

absl::StatusOr<std::vector<RankedEntry>> RankingIndex::Top(const RankingScope& scope, int64_t n) {
  if (n <= 0) return std::vector<RankedEntry>{};
  return Range(scope, 0, n - 1);
}

absl::StatusOr<std::vector<RankedEntry>> RankingIndex::Around(const RankingScope& scope,
                                                              absl::string_view report_id,
                                                              int64_t k) {
  redis::RedisClient client(pool_);
  absl::StatusOr<absl::optional<int64_t>> position = client.ZRevRank(
      RankKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort), report_id);
  if (!position.ok()) return position.status();
  if (!position->has_value()) return std::vector<RankedEntry>{};
  const int64_t reach = std::max<int64_t>(k, 0);
  return Range(scope, std::max<int64_t>(**position - reach, 0), **position + reach);
}

absl::StatusOr<std::vector<std::string>> RankingIndex::Unranked(const RankingScope& scope) {
  redis::RedisClient client(pool_);
  absl::StatusOr<std::vector<redis::ScoredMember>> members = client.ZRangeRevWithScores(
      UnrankedKey(scope.scheme, scope.fiscal_year, scope.kind, scope.cohort), 0, -1);
  if (!members.ok()) return members.status();
  std::vector<std::string> ids;
  for (const redis::ScoredMember& member : *members) ids.push_back(member.member);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace jixiao::score_cache
