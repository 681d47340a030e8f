#include "common/platform/redis/redis_config.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::redis {

namespace {

// Every duration is bounded on both sides: below 1 ms hiredis would round a socket timeout to
// "no timeout", and a day is beyond any sensible setting (and keeps clock arithmetic far from
// overflow).
absl::Status RequireSaneDuration(absl::string_view field, absl::Duration value) {
  if (value < absl::Milliseconds(1) || value > absl::Hours(24)) {
    return absl::InvalidArgumentError(absl::StrCat("redis config: ", field,
                                                   " must be between 1ms and 24h, got ",
                                                   absl::FormatDuration(value)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateRedisConfig(const RedisConfig& config) {
  if (config.host.empty()) return absl::InvalidArgumentError("redis config: host is empty");
  if (config.port < 1 || config.port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("redis config: port must be in 1..65535, got ", config.port));
  }
  if (config.pool_size < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("redis config: pool_size must be at least 1, got ", config.pool_size));
  }
  for (const auto& [field, value] :
       {std::pair<absl::string_view, absl::Duration>{"connect_timeout", config.connect_timeout},
        {"command_timeout", config.command_timeout},
        {"checkout_timeout", config.checkout_timeout},
        {"backoff_initial", config.backoff_initial},
        {"backoff_max", config.backoff_max}}) {
    if (absl::Status status = RequireSaneDuration(field, value); !status.ok()) {
      return status;
    }
  }
  if (config.backoff_max < config.backoff_initial) {
    return absl::InvalidArgumentError(absl::StrCat(
        "redis config: backoff_max (", absl::FormatDuration(config.backoff_max),
        ") is below backoff_initial (", absl::FormatDuration(config.backoff_initial), ")"));
  }
  return absl::OkStatus();
}

std::string RedisEndpointText(const RedisConfig& config) {
  // IPv6 literals are bracketed so that the port stays readable.
  if (absl::StrContains(config.host, ':')) return absl::StrCat("[", config.host, "]:", config.port);
  return absl::StrCat(config.host, ":", config.port);
}

}  // namespace jixiao::redis
