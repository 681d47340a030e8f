#pragma once

// Where Redis is and how the connection pool talks to it.

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace jixiao::redis {

struct RedisConfig {
  // Host name or IP address; the pool speaks plain TCP (hiredis 0.14 has no TLS). A name is
  // resolved on every connect, and that lookup is not bounded by connect_timeout.
  std::string host = "127.0.0.1";
  int port = 6379;

  // Sent with AUTH on every new connection when not empty (Redis `requirepass`). Never
  // logged or put in a message. The services read it from a file (redis_password.h).
  std::string password;

  // Most connections open at once. Connections are opened on demand, never up front.
  int pool_size = 8;

  // Bound on establishing one TCP connection.
  absl::Duration connect_timeout = absl::Milliseconds(500);
  // Bound on each socket read and write of a command or pipeline. A command that exceeds it
  // fails with DEADLINE_EXCEEDED and its connection is dropped.
  absl::Duration command_timeout = absl::Milliseconds(500);
  // How long a caller waits for a free connection when all `pool_size` are in use.
  absl::Duration checkout_timeout = absl::Milliseconds(500);

  // After a failed connection attempt the pool refuses to try again (and fails calls fast) for
  // a delay that starts at `backoff_initial`, doubles with each further failure up to
  // `backoff_max`, and is jittered into [delay/2, delay].
  absl::Duration backoff_initial = absl::Milliseconds(50);
  absl::Duration backoff_max = absl::Seconds(2);
};

// INVALID_ARGUMENT naming the first field out of range: empty host, port outside 1..65535,
// pool_size < 1, a timeout or backoff bound outside 1ms..24h, backoff_initial above
// backoff_max.
absl::Status ValidateRedisConfig(const RedisConfig& config);

// "host:port" for messages.
std::string RedisEndpointText(const RedisConfig& config);

}  // namespace jixiao::redis
