#include "common/platform/redis/redis_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace jixiao::redis {
namespace {

using ::testing::HasSubstr;

void ExpectRejected(const RedisConfig& config, const std::string& field) {
  absl::Status status = ValidateRedisConfig(config);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << field;
  EXPECT_THAT(std::string(status.message()), HasSubstr(field));
}

TEST(RedisConfigTest, DefaultsAreValid) { EXPECT_TRUE(ValidateRedisConfig(RedisConfig()).ok()); }

TEST(RedisConfigTest, RejectsEachFieldOutOfRange) {
  RedisConfig config;
  config.host = "";
  ExpectRejected(config, "host");

  config = RedisConfig();
  config.port = 0;
  ExpectRejected(config, "port");
  config.port = 65536;
  ExpectRejected(config, "port");

  config = RedisConfig();
  config.pool_size = 0;
  ExpectRejected(config, "pool_size");

  config = RedisConfig();
  config.connect_timeout = absl::ZeroDuration();
  ExpectRejected(config, "connect_timeout");

  config = RedisConfig();
  config.command_timeout = absl::Microseconds(500);
  ExpectRejected(config, "command_timeout");

  config = RedisConfig();
  config.checkout_timeout = -absl::Seconds(1);
  ExpectRejected(config, "checkout_timeout");

  config = RedisConfig();
  config.command_timeout = absl::InfiniteDuration();
  ExpectRejected(config, "command_timeout");

  config = RedisConfig();
  config.backoff_initial = absl::ZeroDuration();
  ExpectRejected(config, "backoff_initial");

  config = RedisConfig();
  config.backoff_max = absl::Hours(25);
  ExpectRejected(config, "backoff_max");

  config = RedisConfig();
  config.backoff_initial = absl::Seconds(3);
  config.backoff_max = absl::Seconds(1);
  ExpectRejected(config, "backoff_max");
}

}  // namespace
}  // namespace jixiao::redis
