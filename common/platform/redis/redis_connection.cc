#include "common/platform/redis/redis_connection.h"

#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <cerrno>
#include <climits>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/platform/redis/hiredis_reply_conversion.h"
#include "common/platform/redis/sigpipe.h"

namespace jixiao::redis {

namespace {

// The command name for messages: never the keys or values, which may be large or private.
std::string CommandName(absl::string_view first_argument) {
  constexpr size_t kMaxNameLength = 32;
  return absl::AsciiStrToUpper(absl::CHexEscape(first_argument.substr(0, kMaxNameLength)));
}

// Owns a reply hiredis allocated for the duration of its conversion.
struct HiredisReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using HiredisReplyPtr = std::unique_ptr<redisReply, HiredisReplyDeleter>;

// Fills the parallel pointer/length arrays hiredis takes for one command.
template <typename Strings>
void FillArgv(const Strings& args, std::vector<const char*>& argv, std::vector<size_t>& lengths) {
  argv.clear();
  lengths.clear();
  for (const auto& arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
}

absl::Status CheckArgumentCount(size_t count) {
  if (count == 0) return absl::InvalidArgumentError("redis: empty command");
  if (count > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError("redis: too many command arguments");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<RedisConnection>> RedisConnection::Open(const RedisConfig& config) {
  IgnoreSigpipeIfDefault();
  const std::string endpoint = RedisEndpointText(config);
  redisContext* context = redisConnectWithTimeout(config.host.c_str(), config.port,
                                                  absl::ToTimeval(config.connect_timeout));
  if (context == nullptr) {
    return absl::ResourceExhaustedError(
        absl::StrCat("redis ", endpoint, ": cannot allocate a connection context"));
  }
  if (context->err != 0) {
    absl::Status status = absl::UnavailableError(
        absl::StrCat("redis ", endpoint, ": connect failed: ", context->errstr));
    redisFree(context);
    return status;
  }
  // The command timeout is a property of this socket: every new connection sets it again.
  if (redisSetTimeout(context, absl::ToTimeval(config.command_timeout)) != REDIS_OK ||
      redisEnableKeepAlive(context) != REDIS_OK) {
    absl::Status status = absl::UnavailableError(
        absl::StrCat("redis ", endpoint, ": configuring the socket failed: ", context->errstr));
    redisFree(context);
    return status;
  }
  auto connection = std::unique_ptr<RedisConnection>(new RedisConnection(context, endpoint));
  if (!config.password.empty()) {
    // The reply says why (WRONGPASS, or no password set on the server) without the
    // password; the command's arguments are never part of a message.
    absl::StatusOr<RedisReply> auth = connection->Command({"AUTH", config.password});
    if (!auth.ok()) {
      if (connection->broken()) return auth.status();
      return absl::PermissionDeniedError(
          absl::StrCat("redis ", endpoint, ": AUTH refused: ", auth.status().message()));
    }
  }
  return connection;
}

RedisConnection::RedisConnection(redisContext* context, std::string endpoint)
    : context_(context), endpoint_(std::move(endpoint)) {}

RedisConnection::~RedisConnection() { redisFree(context_); }

absl::Status RedisConnection::BreakOnContextError(absl::string_view during, int saved_errno) {
  const std::string message =
      absl::StrCat("redis ", endpoint_, ": ", during, ": ", context_->errstr);
  switch (context_->err) {
    case REDIS_ERR_IO:
      // A socket timeout (SO_RCVTIMEO/SO_SNDTIMEO) surfaces as EAGAIN from read/write.
      if (saved_errno == EAGAIN || saved_errno == EWOULDBLOCK || saved_errno == ETIMEDOUT) {
        transport_status_ = absl::DeadlineExceededError(absl::StrCat(message, " (timed out)"));
      } else {
        transport_status_ = absl::UnavailableError(message);
      }
      break;
    case REDIS_ERR_PROTOCOL:
      transport_status_ = absl::InternalError(message);
      break;
    case REDIS_ERR_OOM:
      transport_status_ = absl::ResourceExhaustedError(message);
      break;
    case REDIS_ERR_EOF:
    case REDIS_ERR_OTHER:
    default:
      transport_status_ = absl::UnavailableError(message);
      break;
  }
  return transport_status_;
}

absl::StatusOr<RedisReply> RedisConnection::Command(absl::Span<const absl::string_view> args) {
  if (absl::Status status = CheckArgumentCount(args.size()); !status.ok()) return status;
  if (broken()) return transport_status_;
  const std::string name = CommandName(args.front());

  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  FillArgv(args, argv, lengths);
  errno = 0;
  HiredisReplyPtr reply(static_cast<redisReply*>(
      redisCommandArgv(context_, static_cast<int>(argv.size()), argv.data(), lengths.data())));
  const int saved_errno = errno;
  if (reply == nullptr) return BreakOnContextError(name, saved_errno);

  RedisReply converted = ConvertHiredisReply(*reply);
  if (converted.is_error()) {
    return absl::InternalError(absl::StrCat("redis ", name, ": ", converted.str()));
  }
  return converted;
}

absl::StatusOr<std::vector<RedisReply>> RedisConnection::Pipeline(
    absl::Span<const RedisCommand> commands) {
  for (const RedisCommand& command : commands) {
    if (absl::Status status = CheckArgumentCount(command.size()); !status.ok()) return status;
  }
  if (broken()) return transport_status_;

  // Appending only formats into hiredis's output buffer; the first redisGetReply flushes the
  // whole buffer, so the batch goes out before any reply is awaited.
  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  for (const RedisCommand& command : commands) {
    FillArgv(command, argv, lengths);
    if (redisAppendCommandArgv(context_, static_cast<int>(argv.size()), argv.data(),
                               lengths.data()) != REDIS_OK) {
      // Only allocation fails here, but the buffer now holds part of the batch: unusable.
      return BreakOnContextError("pipeline append", errno);
    }
  }

  std::vector<RedisReply> replies;
  replies.reserve(commands.size());
  for (size_t i = 0; i < commands.size(); ++i) {
    void* raw = nullptr;
    errno = 0;
    const int result = redisGetReply(context_, &raw);
    const int saved_errno = errno;
    HiredisReplyPtr reply(static_cast<redisReply*>(raw));
    if (result != REDIS_OK || reply == nullptr) {
      return BreakOnContextError(absl::StrCat("pipeline reply ", i + 1, " of ", commands.size(),
                                              " (", CommandName(commands[i].front()), ")"),
                                 saved_errno);
    }
    replies.push_back(ConvertHiredisReply(*reply));
  }
  return replies;
}

}  // namespace jixiao::redis
