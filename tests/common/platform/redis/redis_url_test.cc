#include "common/platform/redis/redis_url.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/support/status_macros.h"

namespace jixiao::redis {
namespace {

using ::testing::HasSubstr;

TEST(RedisUrlTest, HostAndPort) {
  ASSERT_OK_AND_ASSIGN(RedisConfig config, RedisConfigFromUrl("redis://cache.internal:6380"));
  EXPECT_EQ(config.host, "cache.internal");
  EXPECT_EQ(config.port, 6380);
}

TEST(RedisUrlTest, PortDefaultsTo6379AndTrailingSlashIsAccepted) {
  for (const char* url : {"redis://10.0.0.5", "redis://10.0.0.5/", "REDIS://10.0.0.5"}) {
    absl::StatusOr<RedisConfig> config = RedisConfigFromUrl(url);
    ASSERT_TRUE(config.ok()) << url << ": " << config.status();
    EXPECT_EQ(config->host, "10.0.0.5");
    EXPECT_EQ(config->port, 6379);
  }
}

TEST(RedisUrlTest, BracketedIpv6Host) {
  ASSERT_OK_AND_ASSIGN(RedisConfig config, RedisConfigFromUrl("redis://[::1]:7000"));
  EXPECT_EQ(config.host, "::1");
  EXPECT_EQ(config.port, 7000);
  EXPECT_EQ(RedisEndpointText(config), "[::1]:7000");
}

TEST(RedisUrlTest, KeepsTheRestOfTheBaseConfig) {
  RedisConfig base;
  base.pool_size = 32;
  base.command_timeout = absl::Milliseconds(80);
  ASSERT_OK_AND_ASSIGN(RedisConfig config, RedisConfigFromUrl("redis://r:1", base));
  EXPECT_EQ(config.pool_size, 32);
  EXPECT_EQ(config.command_timeout, absl::Milliseconds(80));
}

struct BadUrl {
  const char* url;
  const char* complaint;
};

class RedisUrlRejectionTest : public ::testing::TestWithParam<BadUrl> {};

TEST_P(RedisUrlRejectionTest, SaysWhatIsWrong) {
  absl::StatusOr<RedisConfig> config = RedisConfigFromUrl(GetParam().url);
  ASSERT_FALSE(config.ok()) << GetParam().url;
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(config.status().message()), HasSubstr(GetParam().url));
  EXPECT_THAT(std::string(config.status().message()), HasSubstr(GetParam().complaint));
}

INSTANTIATE_TEST_SUITE_P(
    Urls, RedisUrlRejectionTest,
    ::testing::Values(
        BadUrl{"", "expected the form redis://host:port"},
        BadUrl{"localhost:6379", "expected the form redis://host:port"},
        BadUrl{"http://h:1", "expected the form redis://host:port"},
        BadUrl{"rediss://h:6379", "TLS"}, BadUrl{"unix:///run/redis.sock", "unix sockets"},
        BadUrl{"redis://", "host is empty"}, BadUrl{"redis://:6379", "host is empty"},
        BadUrl{"redis://h:", "empty port"}, BadUrl{"redis://h:0", "not a number in 1..65535"},
        BadUrl{"redis://h:65536", "not a number in 1..65535"},
        BadUrl{"redis://h:+80", "not a number in 1..65535"},
        BadUrl{"redis://h:80x", "not a number in 1..65535"},
        BadUrl{"redis://h:000000080", "not a number in 1..65535"},
        BadUrl{"redis://::1:6379", "IPv6 host must be written in brackets"},
        BadUrl{"redis://[::1", "unclosed '['"}, BadUrl{"redis://[::1]x", "expected ':port'"},
        BadUrl{"redis://user:pw@h:6379", "password does not belong in the URL"},
        BadUrl{"redis://h:6379/2", "database number"},
        BadUrl{"redis://h:6379?timeout=1", "query strings"}));

}  // namespace
}  // namespace jixiao::redis

namespace jixiao::redis {
namespace {

TEST(CheckOptionalRedisUrlTest, EmptyMeansNoRedisAndAnythingElseMustParse) {
  EXPECT_TRUE(CheckOptionalRedisUrl("").ok());
  EXPECT_TRUE(CheckOptionalRedisUrl("redis://127.0.0.1:6380").ok());
  EXPECT_EQ(CheckOptionalRedisUrl("rediss://cache:6380").code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jixiao::redis
