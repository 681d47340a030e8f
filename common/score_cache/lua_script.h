#pragma once
// A Lua script run atomically inside Redis, sent by its SHA-1 (EVALSHA) rather
// than by its text on every call. The SHA-1 comes from SCRIPT LOAD on first use;
// a Redis that restarted has forgotten the script and answers NOSCRIPT, upon
// which it is loaded again and the call repeated. Every jixiao script is
// idempotent, so repeating one is safe.
//
// Keys touched by a script are not all passed in KEYS (some are read from a
// registry set), which is fine for a single Redis or a primary with replicas,
// not for Redis Cluster.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_command.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/redis/redis_reply.h"

namespace jixiao::score_cache {

class LuaScript {
 public:
  explicit LuaScript(std::string_view source) : source_(source) {}
  LuaScript(const LuaScript&) = delete;
  LuaScript& operator=(const LuaScript&) = delete;

  // One call.
  absl::StatusOr<redis::RedisReply> Run(redis::RedisPool& pool, absl::Span<const std::string> keys,
                                        absl::Span<const std::string> args);

  // Several calls in one pipeline, one reply per call (an error reply in place
  // for a call that failed inside Redis). Each call is {keys, args}.
  struct Call {
    std::vector<std::string> keys;
    std::vector<std::string> args;
  };
  absl::StatusOr<std::vector<redis::RedisReply>> RunPipelined(redis::RedisPool& pool,
                                                              absl::Span<const Call> calls);

 private:
  absl::StatusOr<std::string> Sha(redis::RedisPool::Lease& lease, bool reload);
  redis::RedisCommand EvalSha(const std::string& sha, const Call& call) const;

  const std::string source_;
  std::mutex mu_;
  std::string sha_;  // guarded by mu_; empty until loaded
};

}  // namespace jixiao::score_cache
