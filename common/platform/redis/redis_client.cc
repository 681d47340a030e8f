#include "common/platform/redis/redis_client.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace jixiao::redis {

namespace {

absl::Status UnexpectedReply(absl::string_view command, const RedisReply& reply) {
  return absl::InternalError(
      absl::StrCat("redis ", command, ": unexpected reply ", reply.DebugString()));
}

absl::StatusOr<int64_t> IntegerReply(absl::string_view command, absl::StatusOr<RedisReply> reply) {
  if (!reply.ok()) return reply.status();
  if (!reply->is_integer()) return UnexpectedReply(command, *reply);
  return reply->integer();
}

// "COMMAND [key] arg..." as views of the caller's strings: no copies of keys or values.
std::vector<absl::string_view> ArgumentViews(std::initializer_list<absl::string_view> head,
                                             absl::Span<const std::string> tail) {
  std::vector<absl::string_view> args(head);
  args.reserve(head.size() + tail.size());
  for (const std::string& arg : tail) args.push_back(arg);
  return args;
}

}  // namespace

absl::StatusOr<double> ParseRedisScore(absl::string_view text) {
  double score = 0;
  // SimpleAtod also reads "inf" and "-inf", which is how Redis prints infinite scores.
  if (!absl::SimpleAtod(text, &score) || std::isnan(score)) {
    return absl::InternalError(absl::StrCat("redis: \"", text, "\" is not a score"));
  }
  return score;
}

std::string FormatRedisScore(double score) {
  char buffer[64];
  const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof(buffer), score);
  return std::string(buffer, result.ptr);
}

absl::StatusOr<absl::optional<std::string>> RedisClient::Get(absl::string_view key) {
  absl::StatusOr<RedisReply> reply = pool_->Command({"GET", key});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return absl::optional<std::string>();
  if (!reply->is_string()) return UnexpectedReply("GET", *reply);
  return absl::optional<std::string>(reply->str());
}

absl::Status RedisClient::SetWithTtl(absl::string_view key, absl::string_view value,
                                     absl::Duration ttl) {
  if (ttl < absl::Milliseconds(1) || ttl == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "redis SET: ttl must be finite and at least 1ms, got ", absl::FormatDuration(ttl)));
  }
  const std::string milliseconds = absl::StrCat(absl::ToInt64Milliseconds(ttl));
  absl::StatusOr<RedisReply> reply = pool_->Command({"SET", key, value, "PX", milliseconds});
  if (!reply.ok()) return reply.status();
  if (!reply->is_status() || reply->str() != "OK") return UnexpectedReply("SET", *reply);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<absl::optional<std::string>>> RedisClient::MGet(
    absl::Span<const std::string> keys) {
  std::vector<absl::optional<std::string>> values;
  if (keys.empty()) return values;
  absl::StatusOr<RedisReply> reply = pool_->Command(ArgumentViews({"MGET"}, keys));
  if (!reply.ok()) return reply.status();
  if (!reply->is_array() || reply->elements().size() != keys.size()) {
    return UnexpectedReply("MGET", *reply);
  }
  values.reserve(keys.size());
  for (const RedisReply& element : reply->elements()) {
    if (element.is_nil()) {
      values.emplace_back();
    } else if (element.is_string()) {
      values.emplace_back(element.str());
    } else {
      return UnexpectedReply("MGET", *reply);
    }
  }
  return values;
}

absl::StatusOr<int64_t> RedisClient::Del(absl::Span<const std::string> keys) {
  if (keys.empty()) return 0;
  return IntegerReply("DEL", pool_->Command(ArgumentViews({"DEL"}, keys)));
}

absl::StatusOr<int64_t> RedisClient::ZAdd(absl::string_view key,
                                          absl::Span<const ScoredMember> members) {
  if (members.empty()) return 0;
  std::vector<std::string> scores;
  scores.reserve(members.size());
  for (const ScoredMember& entry : members) {
    if (std::isnan(entry.score)) {
      return absl::InvalidArgumentError(
          absl::StrCat("redis ZADD: NaN score for member \"", entry.member, "\""));
    }
    scores.push_back(FormatRedisScore(entry.score));
  }
  std::vector<absl::string_view> args;
  args.reserve(2 * members.size() + 2);
  args.push_back("ZADD");
  args.push_back(key);
  for (size_t i = 0; i < members.size(); ++i) {
    args.push_back(scores[i]);
    args.push_back(members[i].member);
  }
  return IntegerReply("ZADD", pool_->Command(args));
}

absl::StatusOr<int64_t> RedisClient::ZRem(absl::string_view key,
                                          absl::Span<const std::string> members) {
  if (members.empty()) return 0;
  return IntegerReply("ZREM", pool_->Command(ArgumentViews({"ZREM", key}, members)));
}

absl::StatusOr<std::vector<ScoredMember>> RedisClient::ZRangeRevWithScores(absl::string_view key,
                                                                           int64_t start,
                                                                           int64_t stop) {
  const std::string start_text = absl::StrCat(start);
  const std::string stop_text = absl::StrCat(stop);
  absl::StatusOr<RedisReply> reply =
      pool_->Command({"ZRANGE", key, start_text, stop_text, "REV", "WITHSCORES"});
  if (!reply.ok()) return reply.status();
  // RESP2 answers WITHSCORES with a flat array: member, score, member, score, ...
  const std::vector<RedisReply>& flat = reply->elements();
  if (!reply->is_array() || flat.size() % 2 != 0) return UnexpectedReply("ZRANGE", *reply);

  std::vector<ScoredMember> entries;
  entries.reserve(flat.size() / 2);
  for (size_t i = 0; i < flat.size(); i += 2) {
    if (!flat[i].is_string() || !flat[i + 1].is_string()) return UnexpectedReply("ZRANGE", *reply);
    absl::StatusOr<double> score = ParseRedisScore(flat[i + 1].str());
    if (!score.ok()) return score.status();
    entries.push_back(ScoredMember{flat[i].str(), *score});
  }
  return entries;
}

absl::StatusOr<absl::optional<int64_t>> RedisClient::ZRevRank(absl::string_view key,
                                                              absl::string_view member) {
  absl::StatusOr<RedisReply> reply = pool_->Command({"ZREVRANK", key, member});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return absl::optional<int64_t>();
  if (!reply->is_integer()) return UnexpectedReply("ZREVRANK", *reply);
  return absl::optional<int64_t>(reply->integer());
}

absl::StatusOr<int64_t> RedisClient::ZCard(absl::string_view key) {
  return IntegerReply("ZCARD", pool_->Command({"ZCARD", key}));
}

absl::StatusOr<absl::optional<double>> RedisClient::ZScore(absl::string_view key,
                                                           absl::string_view member) {
  absl::StatusOr<RedisReply> reply = pool_->Command({"ZSCORE", key, member});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return absl::optional<double>();
  if (!reply->is_string()) return UnexpectedReply("ZSCORE", *reply);
  absl::StatusOr<double> score = ParseRedisScore(reply->str());
  if (!score.ok()) return score.status();
  return absl::optional<double>(*score);
}

}  // namespace jixiao::redis
