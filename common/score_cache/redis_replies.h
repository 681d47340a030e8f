#pragma once
// Reading the replies of the commands the score cache sends directly.
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/redis/redis_reply.h"

namespace jixiao::score_cache {

// INTERNAL: a reply of a shape the command cannot give (or a Redis error reply).
absl::Status UnexpectedReply(const redis::RedisReply& reply, absl::string_view command);

// HMGET key fields...: one value per field, in order; nullopt for a missing one.
absl::StatusOr<std::vector<std::optional<std::string>>> HashValues(
    redis::RedisPool& pool, const std::string& key, absl::Span<const std::string> fields);

}  // namespace jixiao::score_cache
