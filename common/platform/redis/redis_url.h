#pragma once

// Deployment settings name Redis by URL. Only what the pool can honour is accepted: a URL
// asking for TLS, a password or a database number is refused instead of silently ignored.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/platform/redis/redis_config.h"

namespace jixiao::redis {

// Parses "redis://host[:port][/]" into `base` with host and port replaced; the port defaults
// to 6379 and an IPv6 host is written in brackets ("redis://[::1]:6380"). INVALID_ARGUMENT,
// quoting the URL and saying what is wrong, for any other scheme (including "rediss://"),
// user info, a database path, a query or fragment, an empty host, or a port that is not a
// number in 1..65535.
absl::StatusOr<RedisConfig> RedisConfigFromUrl(absl::string_view url, RedisConfig base = {});

// For a service option where an empty value means "no Redis": OK when `url` is
// empty or parses; else RedisConfigFromUrl's error.
absl::Status CheckOptionalRedisUrl(absl::string_view url);

}  // namespace jixiao::redis
