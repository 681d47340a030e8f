#pragma once

// Typed wrappers for the commands jixiao's services use to cache scorecards and rankings.
// Each is one command through RedisPool::Command plus a check of the reply's shape; anything
// else goes through Command/Pipeline directly.
//
// Threading: thread-safe; every call checks a connection out of the pool for its duration.
// Errors: those of RedisPool::Command, plus INTERNAL when a reply has an unexpected shape.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"

namespace jixiao::redis {

// One sorted-set entry.
struct ScoredMember {
  std::string member;
  double score = 0;

  friend bool operator==(const ScoredMember& a, const ScoredMember& b) {
    return a.member == b.member && a.score == b.score;
  }
};

class RedisClient {
 public:
  // `pool` must outlive the client.
  explicit RedisClient(RedisPool* pool) : pool_(pool) {}

  RedisPool& pool() { return *pool_; }

  // GET key: the value, or nullopt when the key does not exist.
  absl::StatusOr<absl::optional<std::string>> Get(absl::string_view key);

  // SET key value PX <ttl in ms>. INVALID_ARGUMENT unless 1 ms <= ttl < infinity (sub-millisecond
  // parts are dropped).
  absl::Status SetWithTtl(absl::string_view key, absl::string_view value, absl::Duration ttl);

  // MGET keys...: one entry per key, in order, nullopt for a missing key. No round trip for
  // an empty list.
  absl::StatusOr<std::vector<absl::optional<std::string>>> MGet(absl::Span<const std::string> keys);

  // DEL keys...: how many existed. 0 without a round trip for an empty list.
  absl::StatusOr<int64_t> Del(absl::Span<const std::string> keys);

  // ZADD key score member ...: how many members were new (updated scores are not counted).
  // Scores are sent in shortest round-trip form; INVALID_ARGUMENT for a NaN score. 0 without a
  // round trip for an empty list.
  absl::StatusOr<int64_t> ZAdd(absl::string_view key, absl::Span<const ScoredMember> members);

  // ZREM key member ...: how many were removed. 0 without a round trip for an empty list.
  absl::StatusOr<int64_t> ZRem(absl::string_view key, absl::Span<const std::string> members);

  // ZRANGE key start stop REV WITHSCORES: members by descending score (ties in reverse
  // lexicographic order), ranks `start`..`stop` inclusive, negative ranks counting from the
  // end (0, -1 is everything). Empty for a missing key.
  absl::StatusOr<std::vector<ScoredMember>> ZRangeRevWithScores(absl::string_view key,
                                                                int64_t start, int64_t stop);

  // ZREVRANK key member: the 0-based rank by descending score, or nullopt if absent.
  absl::StatusOr<absl::optional<int64_t>> ZRevRank(absl::string_view key, absl::string_view member);

  // ZCARD key: the number of members (0 for a missing key).
  absl::StatusOr<int64_t> ZCard(absl::string_view key);

  // ZSCORE key member: the score, or nullopt if absent.
  absl::StatusOr<absl::optional<double>> ZScore(absl::string_view key, absl::string_view member);

 private:
  RedisPool* pool_;
};

// Scores as Redis prints them in RESP2 ("1.5", "inf", "-inf") back into doubles.
absl::StatusOr<double> ParseRedisScore(absl::string_view text);

// A double as a Redis score argument: the shortest text that reads back as the same double.
std::string FormatRedisScore(double score);

}  // namespace jixiao::redis
