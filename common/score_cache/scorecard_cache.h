#pragma once
// Computed scorecards in Redis, one entry per (scheme version, report version).
// Entries are immutable: a key names both versions, so an entry can be read
// only for the very inputs it was computed from. The TTL bounds memory, not
// staleness.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"
#include "jixiao/v1/cache.pb.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::score_cache {

// Which cached scorecard: a resolved scheme and a report version.
struct ScoreCardAddress {
  jixiao::v1::SchemeRef scheme;
  std::string report_id;
  int64_t report_version = 0;
};

class ScoreCardCache {
 public:
  // `pool` must outlive the cache. `ttl` must be at least a millisecond.
  ScoreCardCache(redis::RedisPool* pool, absl::Duration ttl);

  // One entry per address, in order; nullopt for a miss. An entry that does not
  // parse counts as a miss (it is overwritten by the next computation).
  absl::StatusOr<std::vector<std::optional<jixiao::v1::CachedScoreCard>>> GetMany(
      absl::Span<const ScoreCardAddress> addresses);
  absl::StatusOr<std::optional<jixiao::v1::CachedScoreCard>> Get(const ScoreCardAddress& address);

  // Stores a card under the address its own report and scheme refs name.
  absl::Status Put(const jixiao::v1::CachedScoreCard& entry);

 private:
  redis::RedisPool* const pool_;
  const absl::Duration ttl_;
};

}  // namespace jixiao::score_cache
