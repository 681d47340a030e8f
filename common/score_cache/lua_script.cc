#include "common/score_cache/lua_script.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::score_cache {
namespace {

bool IsNoScript(const redis::RedisReply& reply) {
  return reply.is_error() && absl::StartsWith(reply.str(), "NOSCRIPT");
}

bool IsNoScript(const absl::Status& status) {
  return absl::StrContains(status.message(), "NOSCRIPT");
}

}  // namespace

absl::StatusOr<std::string> LuaScript::Sha(redis::RedisPool::Lease& lease, bool reload) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!reload && !sha_.empty()) return sha_;
  }
  const absl::string_view args[] = {"SCRIPT", "LOAD", source_};
  absl::StatusOr<redis::RedisReply> reply = lease.Command(args);
  if (!reply.ok()) return reply.status();
  if (!reply->is_string()) {
    return absl::InternalError(absl::StrCat("SCRIPT LOAD answered ", reply->DebugString()));
  }
  std::lock_guard<std::mutex> lock(mu_);
  sha_ = reply->str();
  return sha_;
}

redis::RedisCommand LuaScript::EvalSha(const std::string& sha, const Call& call) const {
  redis::RedisCommand command = {"EVALSHA", sha, absl::StrCat(call.keys.size())};
  command.insert(command.end(), call.keys.begin(), call.keys.end());
  command.insert(command.end(), call.args.begin(), call.args.end());
  return command;
}

absl::StatusOr<redis::RedisReply> LuaScript::Run(redis::RedisPool& pool,
                                                 absl::Span<const std::string> keys,
                                                 absl::Span<const std::string> args) {
  const Call call{std::vector<std::string>(keys.begin(), keys.end()),
                  std::vector<std::string>(args.begin(), args.end())};
  absl::StatusOr<redis::RedisPool::Lease> lease = pool.Checkout();
  if (!lease.ok()) return lease.status();
  for (bool reload : {false, true}) {
    absl::StatusOr<std::string> sha = Sha(*lease, reload);
    if (!sha.ok()) return sha.status();
    const redis::RedisCommand command = EvalSha(*sha, call);
    std::vector<absl::string_view> views(command.begin(), command.end());
    absl::StatusOr<redis::RedisReply> reply = lease->Command(views);
    if (reply.ok() || !IsNoScript(reply.status()) || reload) return reply;
  }
  return absl::InternalError("unreachable: script retried");
}

absl::StatusOr<std::vector<redis::RedisReply>> LuaScript::RunPipelined(
    redis::RedisPool& pool, absl::Span<const Call> calls) {
  if (calls.empty()) return std::vector<redis::RedisReply>{};
  absl::StatusOr<redis::RedisPool::Lease> lease = pool.Checkout();
  if (!lease.ok()) return lease.status();
  for (bool reload : {false, true}) {
    absl::StatusOr<std::string> sha = Sha(*lease, reload);
    if (!sha.ok()) return sha.status();
    std::vector<redis::RedisCommand> commands;
    commands.reserve(calls.size());
    for (const Call& call : calls) commands.push_back(EvalSha(*sha, call));
    absl::StatusOr<std::vector<redis::RedisReply>> replies = lease->Pipeline(commands);
    if (!replies.ok()) return replies.status();
    bool any_missing = false;
    for (const redis::RedisReply& reply : *replies) any_missing |= IsNoScript(reply);
    if (!any_missing || reload) return replies;
  }
  return absl::InternalError("unreachable: script retried");
}

}  // namespace jixiao::score_cache
