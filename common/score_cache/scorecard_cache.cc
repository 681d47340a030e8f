#include "common/score_cache/scorecard_cache.h"

#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_client.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/cache_lookup_metrics.h"

namespace jixiao::score_cache {

ScoreCardCache::ScoreCardCache(redis::RedisPool* pool, absl::Duration ttl)
    : pool_(pool), ttl_(ttl) {}

absl::StatusOr<std::vector<std::optional<jixiao::v1::CachedScoreCard>>> ScoreCardCache::GetMany(
    absl::Span<const ScoreCardAddress> addresses) {
  std::vector<std::string> keys;
  keys.reserve(addresses.size());
  for (const ScoreCardAddress& address : addresses) {
    keys.push_back(ScoreCardKey(address.scheme, address.report_id, address.report_version));
  }
  redis::RedisClient client(pool_);
  absl::StatusOr<std::vector<absl::optional<std::string>>> values = client.MGet(keys);
  if (!values.ok()) {
    CountCacheErrors("scorecard", static_cast<int64_t>(addresses.size()));
    return values.status();
  }
  std::vector<std::optional<jixiao::v1::CachedScoreCard>> entries(addresses.size());
  int64_t hits = 0;
  for (size_t i = 0; i < values->size(); ++i) {
    if (!(*values)[i].has_value()) continue;
    jixiao::v1::CachedScoreCard entry;
    if (entry.ParseFromString(*(*values)[i])) {
      entries[i] = std::move(entry);
      ++hits;
    }
  }
  CountCacheLookups("scorecard", hits, static_cast<int64_t>(addresses.size()) - hits);
  return entries;
}

absl::StatusOr<std::optional<jixiao::v1::CachedScoreCard>> ScoreCardCache::Get(
    const ScoreCardAddress& address) {
  absl::StatusOr<std::vector<std::optional<jixiao::v1::CachedScoreCard>>> entries =
      GetMany({&address, 1});
  if (!entries.ok()) return entries.status();
  return std::move(entries->front());
}

absl::Status ScoreCardCache::Put(const jixiao::v1::CachedScoreCard& entry) {
  const jixiao::v1::ScoreCard& card = entry.scorecard();
  if (card.scheme().version() <= 0 || card.report().version() <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("a cached scorecard needs resolved versions, got scheme ", card.scheme().id(),
                     "@", card.scheme().version(), " and report ", card.report().report_id(), "@",
                     card.report().version()));
  }
  redis::RedisClient client(pool_);
  return client.SetWithTtl(
      ScoreCardKey(card.scheme(), card.report().report_id(), card.report().version()),
      entry.SerializeAsString(), ttl_);
}

}  // namespace jixiao::score_cache
