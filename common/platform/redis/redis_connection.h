#pragma once

// One blocking hiredis connection to Redis.
//
// Threading: NOT thread-safe, like the redisContext inside it. One thread uses it at a time;
// RedisPool guarantees that by handing each connection to a single lease holder.
//
// Failure model: hiredis keeps a context's I/O error until the context is freed, and a reply
// that arrives after a timeout would otherwise be read as the answer to the next command. So
// the first transport failure (timeout, closed socket, protocol error) marks the connection
// broken for good; it is never reused, only discarded and replaced by a fresh Open(), which
// re-applies the command timeout (redisReconnect would forget it, so it is not used).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_command.h"
#include "common/platform/redis/redis_config.h"
#include "common/platform/redis/redis_reply.h"

struct redisContext;

namespace jixiao::redis {

class RedisConnection {
 public:
  // Connects within config.connect_timeout, then sets config.command_timeout on the socket's
  // reads and writes and enables TCP keepalive. UNAVAILABLE when Redis cannot be reached (also
  // when the connect times out: to the caller that is an unreachable server).
  static absl::StatusOr<std::unique_ptr<RedisConnection>> Open(const RedisConfig& config);

  ~RedisConnection();
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;

  // Sends one command and reads its reply. Errors:
  //   INVALID_ARGUMENT   empty argument list;
  //   INTERNAL           Redis answered with an error reply (its message is kept);
  //   DEADLINE_EXCEEDED  no reply within the command timeout (the connection is now broken);
  //   UNAVAILABLE        the socket failed or was closed (the connection is now broken);
  //   INTERNAL           a protocol error (the connection is now broken).
  // On a connection already broken, fails at once with its transport_status().
  absl::StatusOr<RedisReply> Command(absl::Span<const absl::string_view> args);

  // Sends all `commands` before reading any reply (one round trip for the batch), then reads
  // one reply per command, in order. A command's Redis error reply is returned in place as a
  // kError reply and does not fail the others; a transport failure fails the whole pipeline
  // (with the codes of Command) and breaks the connection. An empty batch returns no replies.
  absl::StatusOr<std::vector<RedisReply>> Pipeline(absl::Span<const RedisCommand> commands);

  // OK while usable; otherwise the transport failure that broke the connection.
  const absl::Status& transport_status() const { return transport_status_; }
  bool broken() const { return !transport_status_.ok(); }

 private:
  RedisConnection(redisContext* context, std::string endpoint);

  // Records the context's current error as the connection's transport failure and returns it.
  absl::Status BreakOnContextError(absl::string_view during, int saved_errno);

  redisContext* context_;
  std::string endpoint_;
  absl::Status transport_status_;
};

}  // namespace jixiao::redis
