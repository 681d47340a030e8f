#include "common/score_cache/redis_replies.h"

#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_command.h"

namespace jixiao::score_cache {

absl::Status UnexpectedReply(const redis::RedisReply& reply, absl::string_view command) {
  return absl::InternalError(absl::StrCat(command, ": Redis answered ", reply.DebugString()));
}

absl::StatusOr<std::vector<std::optional<std::string>>> HashValues(
    redis::RedisPool& pool, const std::string& key, absl::Span<const std::string> fields) {
  std::vector<std::optional<std::string>> values(fields.size());
  if (fields.empty()) return values;
  redis::RedisCommand command = {"HMGET", key};
  command.insert(command.end(), fields.begin(), fields.end());
  absl::StatusOr<std::vector<redis::RedisReply>> replies = pool.Pipeline({&command, 1});
  if (!replies.ok()) return replies.status();
  const redis::RedisReply& reply = replies->front();
  if (!reply.is_array() || reply.elements().size() != fields.size()) {
    return UnexpectedReply(reply, "HMGET");
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    const redis::RedisReply& element = reply.elements()[i];
    if (element.is_string()) {
      values[i] = element.str();
    } else if (!element.is_nil()) {
      return UnexpectedReply(element, "HMGET");
    }
  }
  return values;
}

}  // namespace jixiao::score_cache
