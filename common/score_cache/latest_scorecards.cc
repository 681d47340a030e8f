#include "common/score_cache/latest_scorecards.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/cache_lookup_metrics.h"
#include "common/score_cache/lua_scripts.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
LatestScoreCardReader::LatestScoreCardReader(redis::RedisPool* pool)
    : pool_(pool), script_(LatestScoreCardsLua()) {}

absl::StatusOr<LatestScoreCards> LatestScoreCardReader::Read(
    const jixiao::v1::SchemeRef& scheme, absl::Span<const std::string> report_ids) {
  const std::string keys[] = {CatalogReadyKey(), LatestVersionsKey()};
  std::vector<std::string> args;
  args.reserve(report_ids.size() + 1);
  args.push_back(ScoreCardKeyPrefix(scheme));
  args.insert(args.end(), report_ids.begin(), report_ids.end());
  absl::StatusOr<redis::RedisReply> reply = script_.Run(*pool_, keys, args);
  if (!reply.ok()) {
    CountCacheErrors("latest_scorecard", static_cast<int64_t>(report_ids.size()));
    return reply.status();
  }

  const std::vector<redis::RedisReply>& elements = reply->elements();
  if (!reply->is_array() || elements.empty() || !elements[0].is_integer()) {
    return UnexpectedReply(*reply, "reading the latest scorecards");
  }
  LatestScoreCards result;
  result.catalog_ready = elements[0].integer() == 1;
  if (!result.catalog_ready) return result;
  if (elements.size() != 1 + 2 * report_ids.size()) {
    return UnexpectedReply(*reply, "reading the latest scorecards");
  }
  result.reports.resize(report_ids.size());
  for (size_t i = 0; i < report_ids.size(); ++i) {
    const redis::RedisReply& version = elements[1 + 2 * i];
    const redis::RedisReply& card = elements[2 + 2 * i];
    LatestScoreCard& latest = result.reports[i];
    if (!version.is_string() || !absl::SimpleAtoi(version.str(), &latest.version)) {
      return UnexpectedReply(version, absl::StrCat("the latest version of ", report_ids[i]));
    }
    if (card.is_string()) latest.cached_card = card.str();
  }
  int64_t hits = 0;
  for (const LatestScoreCard& latest : result.reports) hits += latest.cached_card.has_value();
  CountCacheLookups("latest_scorecard", hits, static_cast<int64_t>(report_ids.size()) - hits);
  return result;
}

}  // namespace jixiao::score_cache
