#pragma once

// The Redis password of a service comes from a file (a mounted Kubernetes Secret, a
// file only its user can read), never from the command line or the environment,
// where `ps` and /proc/PID/environ would show it.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/platform/options/option_set.h"
#include "common/platform/redis/redis_config.h"

namespace jixiao::redis {

// The file's content without its trailing line break. INVALID_ARGUMENT naming the
// file (never quoting it) when it cannot be read, is empty, holds more than one line
// or is longer than 4 KiB.
absl::StatusOr<std::string> ReadRedisPassword(absl::string_view path);

// RedisConfigFromUrl(url), with the password read from `password_file` when that is
// not empty.
absl::StatusOr<RedisConfig> RedisConfigWithPassword(absl::string_view url,
                                                    absl::string_view password_file);

// --redis-password-file FILE (JIXIAO_REDIS_PASSWORD_FILE) of a service, checked with
// ReadRedisPassword when given; empty: no AUTH.
void AddRedisPasswordFileOption(options::OptionSet& options, std::string& path);

}  // namespace jixiao::redis
