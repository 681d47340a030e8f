#include "common/score_cache/comparison_row_cache.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_client.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/cache_lookup_metrics.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {

ComparisonRowCache::ComparisonRowCache(redis::RedisPool* pool, absl::Duration ttl)
    : pool_(pool), ttl_(ttl) {}

absl::StatusOr<std::vector<std::optional<jixiao::v1::CachedComparisonRow>>>
ComparisonRowCache::GetMany(absl::Span<const ScoreCardAddress> addresses) {
  std::vector<std::string> keys;
  keys.reserve(addresses.size());
  for (const ScoreCardAddress& address : addresses) {
    keys.push_back(ComparisonRowKey(address.scheme, address.report_id, address.report_version));
  }
  redis::RedisClient client(pool_);
  absl::StatusOr<std::vector<absl::optional<std::string>>> values = client.MGet(keys);
  if (!values.ok()) {
    CountCacheErrors("comparison_row", static_cast<int64_t>(addresses.size()));
    return values.status();
  }
  std::vector<std::optional<jixiao::v1::CachedComparisonRow>> entries(addresses.size());
  int64_t hits = 0;
  for (size_t i = 0; i < values->size(); ++i) {
    if (!(*values)[i].has_value()) continue;
    jixiao::v1::CachedComparisonRow entry;
    if (entry.ParseFromString(*(*values)[i])) {
      entries[i] = std::move(entry);
      ++hits;
    }
  }
  CountCacheLookups("comparison_row", hits, static_cast<int64_t>(addresses.size()) - hits);
  return entries;
}

absl::Status ComparisonRowCache::PutMany(
    absl::Span<const ScoreCardAddress> addresses,
    absl::Span<const jixiao::v1::CachedComparisonRow> entries) {
  if (addresses.size() != entries.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat(addresses.size(), " addresses for ", entries.size(), " comparison rows"));
  }
  if (addresses.empty()) return absl::OkStatus();
  const std::string milliseconds = absl::StrCat(absl::ToInt64Milliseconds(ttl_));
  std::vector<redis::RedisCommand> commands;
  commands.reserve(addresses.size());
  for (size_t i = 0; i < addresses.size(); ++i) {
    const ScoreCardAddress& address = addresses[i];
    if (address.scheme.version() <= 0 || address.report_version <= 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("a cached comparison row needs resolved "
                       "versions, got ",
                       address.report_id, "@", address.report_version));
    }
    commands.push_back({"SET",
                        ComparisonRowKey(address.scheme, address.report_id, address.report_version),
                        entries[i].SerializeAsString(), "PX", milliseconds});
  }
  absl::StatusOr<std::vector<redis::RedisReply>> replies = pool_->Pipeline(commands);
  if (!replies.ok()) return replies.status();
  for (const redis::RedisReply& reply : *replies) {
    if (!reply.is_status()) return UnexpectedReply(reply, "SET of a comparison row");
  }
  return absl::OkStatus();
}

}  // namespace jixiao::score_cache
