// The pool against a real redis-server: commands, binary safety, pipelines and leases.

#include "common/platform/redis/redis_pool.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"

namespace jixiao::redis {
namespace {

using ::testing::HasSubstr;

using RedisPoolTest = RedisServerFixture;

TEST_F(RedisPoolTest, BasicCommandsReturnTypedReplies) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);

  ASSERT_OK_AND_ASSIGN(RedisReply set, pool->Command({"SET", "greeting", "hello"}));
  EXPECT_EQ(set, RedisReply::Status("OK"));

  ASSERT_OK_AND_ASSIGN(RedisReply get, pool->Command({"GET", "greeting"}));
  EXPECT_EQ(get, RedisReply::String("hello"));

  ASSERT_OK_AND_ASSIGN(RedisReply missing, pool->Command({"GET", "no-such-key"}));
  EXPECT_TRUE(missing.is_nil());

  ASSERT_OK_AND_ASSIGN(RedisReply incremented, pool->Command({"INCRBY", "counter", "41"}));
  EXPECT_EQ(incremented, RedisReply::Integer(41));

  ASSERT_OK_AND_ASSIGN(RedisReply list, pool->Command({"RPUSH", "list", "a", "b"}));
  ASSERT_OK_AND_ASSIGN(RedisReply range, pool->Command({"LRANGE", "list", "0", "-1"}));
  EXPECT_EQ(range, RedisReply::Array({RedisReply::String("a"), RedisReply::String("b")}));
}

TEST_F(RedisPoolTest, ErrorRepliesAreInternalAndLeaveTheConnectionUsable) {
  RedisConfig config = ServerConfig();
  config.pool_size = 1;
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);

  absl::StatusOr<RedisReply> unknown = pool->Command({"NOSUCHCOMMAND", "x"});
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("unknown command"));

  ASSERT_TRUE(pool->Command({"SET", "text", "not a number"}).ok());
  absl::StatusOr<RedisReply> wrong = pool->Command({"INCR", "text"});
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(wrong.status().message()), HasSubstr("not an integer"));

  ASSERT_OK_AND_ASSIGN(RedisReply after, pool->Command({"GET", "text"}));
  EXPECT_EQ(after.str(), "not a number");
  EXPECT_EQ(pool->stats().dropped_connections, 0);
  EXPECT_EQ(pool->stats().connect_attempts, 1);
}

TEST_F(RedisPoolTest, EmptyCommandIsInvalidArgument) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);
  EXPECT_EQ(pool->Command({}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(pool->Pipeline({{"PING"}, {}}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(RedisPoolTest, KeysAndValuesAreBinarySafe) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);
  const std::string key("key\0with\r\nbreaks", 16);
  std::string value("\0\xff\r\n$3\r\n*1\r\n", 13);
  for (int i = 0; i < 256; ++i) value.push_back(static_cast<char>(i));
  const std::string big(1 << 20, '\0');  // 1 MiB of NUL bytes

  ASSERT_TRUE(pool->Command({"SET", key, value}).ok());
  ASSERT_TRUE(pool->Command({"SET", "big", big}).ok());

  ASSERT_OK_AND_ASSIGN(RedisReply got, pool->Command({"GET", key}));
  EXPECT_EQ(got.str(), value);
  ASSERT_OK_AND_ASSIGN(RedisReply got_big, pool->Command({"GET", "big"}));
  EXPECT_EQ(got_big.str().size(), big.size());
  EXPECT_EQ(got_big.str(), big);
  // The key with embedded NUL is not confused with its prefix.
  ASSERT_OK_AND_ASSIGN(RedisReply prefix, pool->Command({"EXISTS", "key"}));
  EXPECT_EQ(prefix.integer(), 0);
}

TEST_F(RedisPoolTest, PipelineReturnsManyRepliesInOrder) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);
  constexpr int kKeys = 500;
  std::vector<RedisCommand> commands;
  for (int i = 0; i < kKeys; ++i) {
    commands.push_back({"SET", absl::StrCat("k", i), absl::StrCat("v", i)});
    commands.push_back({"INCR", absl::StrCat("n", i % 7)});
  }
  for (int i = 0; i < kKeys; ++i) commands.push_back({"GET", absl::StrCat("k", i)});

  ASSERT_OK_AND_ASSIGN(std::vector<RedisReply> replies, pool->Pipeline(commands));
  ASSERT_EQ(replies.size(), commands.size());
  int increments[7] = {};
  for (int i = 0; i < kKeys; ++i) {
    EXPECT_EQ(replies[2 * i], RedisReply::Status("OK")) << i;
    EXPECT_EQ(replies[2 * i + 1], RedisReply::Integer(++increments[i % 7])) << i;
    EXPECT_EQ(replies[2 * kKeys + i], RedisReply::String(absl::StrCat("v", i))) << i;
  }
  // One checkout, one connection.
  EXPECT_EQ(pool->stats().connect_attempts, 1);
}

TEST_F(RedisPoolTest, PipelineKeepsErrorRepliesInPlace) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);
  ASSERT_OK_AND_ASSIGN(std::vector<RedisReply> replies,
                       pool->Pipeline({{"SET", "word", "abc"}, {"INCR", "word"}, {"GET", "word"}}));
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_TRUE(replies[1].is_error());
  EXPECT_THAT(replies[1].str(), HasSubstr("not an integer"));
  EXPECT_EQ(replies[2], RedisReply::String("abc"));

  ASSERT_OK_AND_ASSIGN(std::vector<RedisReply> empty, pool->Pipeline({}));
  EXPECT_TRUE(empty.empty());
}

TEST_F(RedisPoolTest, LeaseRunsItsCommandsOnOneConnection) {
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);
  ASSERT_OK_AND_ASSIGN(RedisPool::Lease lease, pool->Checkout());
  absl::StatusOr<RedisReply> first_id = lease.Command({"CLIENT", "ID"});
  ASSERT_TRUE(lease.Command({"MULTI"}).ok());
  ASSERT_TRUE(lease.Command({"SET", "a", "1"}).ok());  // QUEUED
  ASSERT_TRUE(lease.Command({"INCR", "a"}).ok());
  ASSERT_OK_AND_ASSIGN(RedisReply exec, lease.Command({"EXEC"}));
  EXPECT_EQ(exec, RedisReply::Array({RedisReply::Status("OK"), RedisReply::Integer(2)}));
  absl::StatusOr<RedisReply> second_id = lease.Command({"CLIENT", "ID"});
  ASSERT_TRUE(first_id.ok() && second_id.ok());
  EXPECT_EQ(*first_id, *second_id);

  RedisPool::Lease moved = std::move(lease);
  EXPECT_EQ(lease.Command({"PING"}).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(moved.Command({"PING"}).ok());
}

TEST_F(RedisPoolTest, ConcurrentCallersEachGetAnExclusiveConnection) {
  RedisConfig config = ServerConfig();
  config.pool_size = 4;
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  constexpr int kThreads = 16;
  constexpr int kRounds = 150;

  // Server-side client ids of the connections currently leased: a lease must never see its
  // connection already in the set.
  std::mutex mu;
  std::set<int64_t> in_use;
  std::set<int64_t> ever_used;
  std::atomic<int> failures{0};

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string counter = absl::StrCat("counter:", t);
      for (int round = 0; round < kRounds; ++round) {
        absl::StatusOr<RedisPool::Lease> lease = pool->Checkout();
        if (!lease.ok()) {
          ADD_FAILURE() << lease.status();
          ++failures;
          return;
        }
        absl::StatusOr<RedisReply> id = lease->Command({"CLIENT", "ID"});
        if (!id.ok() || !id->is_integer()) {
          ADD_FAILURE() << "CLIENT ID: " << id.status();
          ++failures;
          return;
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          if (!in_use.insert(id->integer()).second) {
            ADD_FAILURE() << "connection " << id->integer() << " leased twice at once";
            ++failures;
          }
          ever_used.insert(id->integer());
        }
        // A pipeline and a command whose answers are specific to this thread and round.
        const std::string value = absl::StrCat("thread ", t, " round ", round);
        absl::StatusOr<std::vector<RedisReply>> replies = lease->Pipeline(
            {{"SET", absl::StrCat("key:", t), value}, {"GET", absl::StrCat("key:", t)}});
        absl::StatusOr<RedisReply> count = lease->Command({"INCR", counter});
        if (!replies.ok() || (*replies)[1] != RedisReply::String(value) || !count.ok() ||
            count->integer() != round + 1) {
          ADD_FAILURE() << "wrong answer in thread " << t << " round " << round;
          ++failures;
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          in_use.erase(id->integer());
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(static_cast<int>(ever_used.size()), config.pool_size);
  const RedisPool::Stats stats = pool->stats();
  EXPECT_LE(stats.open, config.pool_size);
  EXPECT_EQ(stats.idle, stats.open);  // everything returned
  EXPECT_EQ(stats.dropped_connections, 0);
}

TEST_F(RedisPoolTest, CheckoutWaitsForAConnectionToComeBack) {
  RedisConfig config = ServerConfig();
  config.pool_size = 1;
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  ASSERT_OK_AND_ASSIGN(RedisPool::Lease held, pool->Checkout());

  absl::Status waiter_status;
  std::thread waiter([&] {
    absl::StatusOr<RedisPool::Lease> lease = pool->Checkout(absl::Seconds(30));
    waiter_status = lease.status();
    if (lease.ok()) waiter_status = lease->Command({"PING"}).status();
  });
  // Release only once the waiter is really blocked in Checkout.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (pool->stats().waiting == 0 && absl::Now() < deadline)
    absl::SleepFor(absl::Milliseconds(1));
  EXPECT_EQ(pool->stats().waiting, 1);
  { RedisPool::Lease release = std::move(held); }
  waiter.join();
  EXPECT_TRUE(waiter_status.ok()) << waiter_status;
  EXPECT_EQ(pool->stats().connect_attempts, 1);
}

TEST_F(RedisPoolTest, CheckoutFailsWhenThePoolStaysExhausted) {
  RedisConfig config = ServerConfig();
  config.pool_size = 2;
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  absl::StatusOr<RedisPool::Lease> first = pool->Checkout();
  absl::StatusOr<RedisPool::Lease> second = pool->Checkout();
  ASSERT_TRUE(first.ok() && second.ok());

  absl::StatusOr<RedisPool::Lease> third = pool->Checkout(absl::Milliseconds(20));
  EXPECT_EQ(third.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(third.status().message()), HasSubstr("busy"));
  EXPECT_EQ(pool->stats().open, 2);
}

TEST(RedisPoolConfigTest, CreateRejectsAnInvalidConfig) {
  RedisConfig config;
  config.pool_size = 0;
  EXPECT_EQ(RedisPool::Create(config).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jixiao::redis
