#pragma once

// A fixture with a private redis-server per test, and pools configured for it.

#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "absl/time/time.h"
#include "common/platform/redis/redis_config.h"
#include "common/platform/redis/redis_pool.h"
#include "tests/support/redis_server.h"

namespace jixiao::redis {

// A pool configuration for a test's redis-server. Generous timeouts: on a loaded
// CI machine nothing should time out unless a test means it. A short backoff, so
// that a restarted server is used again soon.
inline RedisConfig TestRedisConfig(const testing::RedisServer& server) {
  RedisConfig config;
  config.host = server.host();
  config.port = server.port();
  config.pool_size = 4;
  config.connect_timeout = absl::Seconds(2);
  config.command_timeout = absl::Seconds(5);
  config.checkout_timeout = absl::Seconds(5);
  config.backoff_initial = absl::Milliseconds(10);
  config.backoff_max = absl::Milliseconds(100);
  return config;
}

class RedisServerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<testing::RedisServer>> server = testing::RedisServer::Start();
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  RedisConfig ServerConfig() const { return TestRedisConfig(*server_); }

  std::unique_ptr<RedisPool> MakePool(const RedisConfig& config) {
    absl::StatusOr<std::unique_ptr<RedisPool>> pool = RedisPool::Create(config);
    EXPECT_TRUE(pool.ok()) << pool.status();
    return pool.ok() ? *std::move(pool) : nullptr;
  }

  testing::RedisServer& server() { return *server_; }

 private:
  std::unique_ptr<testing::RedisServer> server_;
};

}  // namespace jixiao::redis
