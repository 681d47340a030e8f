#pragma once
// Comparison rows in Redis, one per (scheme version, report version), beside
// the scorecards they are derived from. Like scorecards they are immutable:
// the key names both versions. Query writes a row the first time it derives
// one from a card and reads rows, not cards, for comparisons.
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/scorecard_cache.h"
#include "jixiao/v1/cache.pb.h"

namespace jixiao::score_cache {

class ComparisonRowCache {
 public:
  // `pool` must outlive the cache. `ttl` must be at least a millisecond.
  ComparisonRowCache(redis::RedisPool* pool, absl::Duration ttl);

  // One entry per address (one MGET), in order; nullopt for a miss or an
  // entry that does not parse.
  absl::StatusOr<std::vector<std::optional<jixiao::v1::CachedComparisonRow>>> GetMany(
      absl::Span<const ScoreCardAddress> addresses);

  // Stores each row under its address (one pipeline). `entries[i]` belongs to
  // `addresses[i]`; the versions must be resolved.
  absl::Status PutMany(absl::Span<const ScoreCardAddress> addresses,
                       absl::Span<const jixiao::v1::CachedComparisonRow> entries);

 private:
  redis::RedisPool* const pool_;
  const absl::Duration ttl_;
};

}  // namespace jixiao::score_cache
