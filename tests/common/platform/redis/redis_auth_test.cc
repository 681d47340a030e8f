// Redis with a password (requirepass): the pool authenticates every connection it
// opens, a wrong password is refused by name without being quoted, and the services'
// password file is read strictly.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "common/platform/redis/redis_password.h"
#include "common/platform/redis/redis_pool.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"

namespace jixiao::redis {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPassword[] = "s3cret-of-the-cache";

class RedisAuthTest : public RedisServerFixture {
 protected:
  void SetUp() override {
    RedisServerFixture::SetUp();
    // The server asks for a password from here on; this pool's one connection, opened
    // before, stays authenticated.
    std::unique_ptr<RedisPool> setup = MakePool(ServerConfig());
    ASSERT_NE(setup, nullptr);
    ASSERT_OK(setup->Command({"CONFIG", "SET", "requirepass", kPassword}).status());
  }
};

TEST_F(RedisAuthTest, APoolWithThePasswordWorks) {
  RedisConfig config = ServerConfig();
  config.password = kPassword;
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_OK(pool->Command({"SET", "k", "v"}).status());
  ASSERT_OK_AND_ASSIGN(RedisReply value, pool->Command({"GET", "k"}));
  EXPECT_EQ(value.str(), "v");
}

TEST_F(RedisAuthTest, WithoutThePasswordCommandsAreRefused) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  const absl::Status status = pool->Command({"GET", "k"}).status();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("NOAUTH"));
}

TEST_F(RedisAuthTest, AWrongPasswordIsRefusedWithoutBeingQuoted) {
  RedisConfig config = ServerConfig();
  config.password = "not-the-password";
  std::unique_ptr<RedisPool> pool = MakePool(config);
  const absl::Status status = pool->Command({"PING"}).status();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("AUTH refused"));
  EXPECT_THAT(status.message(), Not(HasSubstr("not-the-password")));
}

class RedisPasswordFileTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(directory_, testing::TempDir::Create("redis-pw")); }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = directory_->File(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::unique_ptr<testing::TempDir> directory_;
};

TEST_F(RedisPasswordFileTest, ReadsOneLineWithoutItsLineBreak) {
  for (const char* content : {"pw\n", "pw\r\n", "pw"}) {
    ASSERT_OK_AND_ASSIGN(std::string password, ReadRedisPassword(Write("a", content)));
    EXPECT_EQ(password, "pw");
  }
  ASSERT_OK_AND_ASSIGN(RedisConfig config,
                       RedisConfigWithPassword("redis://10.0.0.5:6380", Write("d", "pw\n")));
  EXPECT_EQ(config.host, "10.0.0.5");
  EXPECT_EQ(config.port, 6380);
  EXPECT_EQ(config.password, "pw");
}

TEST_F(RedisPasswordFileTest, RefusesWhatIsNotOnePasswordWithoutQuotingIt) {
  for (const std::string& content :
       {std::string(""), std::string("\n"), std::string("two\nlines\n"), std::string(5000, 'x')}) {
    const absl::StatusOr<std::string> password = ReadRedisPassword(Write("bad", content));
    ASSERT_FALSE(password.ok()) << content.size();
    EXPECT_EQ(password.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(password.status().message(), HasSubstr("redis password file "));
    EXPECT_THAT(password.status().message(), Not(HasSubstr("lines")));
  }
  EXPECT_THAT(ReadRedisPassword(directory_->File("missing")).status().message(),
              HasSubstr("cannot be read"));
}

}  // namespace
}  // namespace jixiao::redis
