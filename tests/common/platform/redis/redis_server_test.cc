// The test-support redis-server itself: it must start private, stop for real, come back on
// the same port, and leave nothing behind.

#include "tests/support/redis_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "common/platform/redis/redis_pool.h"
#include "tests/support/status_macros.h"

namespace jixiao::testing {
namespace {

bool PortAcceptsConnections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  const bool connected =
      connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
  close(fd);
  return connected;
}

absl::Status Ping(const RedisServer& server) {
  redis::RedisConfig config;
  config.host = server.host();
  config.port = server.port();
  absl::StatusOr<std::unique_ptr<redis::RedisPool>> pool = redis::RedisPool::Create(config);
  if (!pool.ok()) return pool.status();
  return (*pool)->Command({"PING"}).status();
}

TEST(RedisServerTest, StartsStopsAndRestartsOnTheSamePort) {
  absl::StatusOr<std::unique_ptr<RedisServer>> server = RedisServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  RedisServer& redis = **server;
  EXPECT_TRUE(redis.running());
  EXPECT_EQ(redis.url(), "redis://127.0.0.1:" + std::to_string(redis.port()));
  EXPECT_TRUE(Ping(redis).ok());

  ASSERT_TRUE(redis.Stop().ok());
  EXPECT_FALSE(redis.running());
  EXPECT_FALSE(PortAcceptsConnections(redis.port()));
  EXPECT_TRUE(redis.Stop().ok()) << "stopping twice is harmless";

  const int port = redis.port();
  ASSERT_TRUE(redis.Restart().ok()) << redis.Log();
  EXPECT_EQ(redis.port(), port);
  EXPECT_TRUE(Ping(redis).ok());
}

TEST(RedisServerTest, TwoServersGetDifferentPorts) {
  absl::StatusOr<std::unique_ptr<RedisServer>> first = RedisServer::Start();
  absl::StatusOr<std::unique_ptr<RedisServer>> second = RedisServer::Start();
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_NE((*first)->port(), (*second)->port());
  EXPECT_NE((*first)->directory(), (*second)->directory());
}

TEST(RedisServerTest, DestructorStopsTheServerAndDeletesItsDirectory) {
  std::string directory;
  int port = 0;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<RedisServer> server, RedisServer::Start());
    directory = server->directory();
    port = server->port();
    EXPECT_TRUE(std::filesystem::is_directory(directory));
    EXPECT_TRUE(PortAcceptsConnections(port));
  }
  EXPECT_FALSE(std::filesystem::exists(directory));
  EXPECT_FALSE(PortAcceptsConnections(port));
}

}  // namespace
}  // namespace jixiao::testing
