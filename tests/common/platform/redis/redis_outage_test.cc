// Redis going away and coming back: calls fail fast with UNAVAILABLE while it is down, without
// a connection attempt per call, and the pool reconnects by itself once it is back.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "common/platform/redis/redis_client.h"
#include "common/platform/redis/redis_pool.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"

namespace jixiao::redis {
namespace {

using ::testing::HasSubstr;

// A sanity limit only: fail-fast is asserted through connection-attempt counts, not timing.
constexpr absl::Duration kGenerousBound = absl::Seconds(5);

class RedisOutageTest : public RedisServerFixture {
 protected:
  // A backoff far longer than any test: once the pool backs off, it does not try again here.
  RedisConfig LongBackoffConfig() const {
    RedisConfig config = ServerConfig();
    config.backoff_initial = absl::Minutes(10);
    config.backoff_max = absl::Minutes(10);
    return config;
  }

  // Calls until the pool reports that it is backing off (bounded by a deadline).
  static void DriveIntoBackoff(RedisPool& pool) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (!pool.stats().backing_off && absl::Now() < deadline) {
      absl::StatusOr<RedisReply> reply = pool.Command({"PING"});
      ASSERT_FALSE(reply.ok()) << "Redis is stopped, yet PING succeeded";
      ASSERT_EQ(reply.status().code(), absl::StatusCode::kUnavailable) << reply.status();
    }
    ASSERT_TRUE(pool.stats().backing_off);
  }

  // Polls until PING succeeds or the deadline passes.
  static absl::Status PollUntilAnswered(RedisPool& pool) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    absl::Status last;
    while (absl::Now() < deadline) {
      last = pool.Command({"PING"}).status();
      if (last.ok()) return last;
      absl::SleepFor(absl::Milliseconds(2));  // polling interval, not synchronization
    }
    return last;
  }
};

TEST_F(RedisOutageTest, CallsFailFastWithUnavailableWhileRedisIsDown) {
  std::unique_ptr<RedisPool> pool = MakePool(LongBackoffConfig());
  ASSERT_NE(pool, nullptr);
  RedisClient client(pool.get());
  ASSERT_TRUE(client.SetWithTtl("k", "v", absl::Minutes(1)).ok());
  ASSERT_EQ(pool->stats().idle, 1);

  ASSERT_TRUE(server().Stop().ok());

  // The idle connection finds its socket closed: UNAVAILABLE, and it is dropped.
  absl::StatusOr<absl::optional<std::string>> first = client.Get("k");
  EXPECT_EQ(first.status().code(), absl::StatusCode::kUnavailable) << first.status();
  EXPECT_EQ(pool->stats().open, 0);
  ASSERT_NO_FATAL_FAILURE(DriveIntoBackoff(*pool));

  const int64_t attempts = pool->stats().connect_attempts;
  const absl::Time start = absl::Now();
  for (int i = 0; i < 200; ++i) {
    absl::StatusOr<absl::optional<std::string>> got = client.Get("k");
    ASSERT_EQ(got.status().code(), absl::StatusCode::kUnavailable) << got.status();
    if (i == 0) {
      EXPECT_THAT(std::string(got.status().message()), HasSubstr("next attempt in"));
      // The closed socket of the idle connection opened the circuit.
      EXPECT_THAT(std::string(got.status().message()),
                  HasSubstr("circuit open after 1 failure(s), last: "));
    }
  }
  EXPECT_EQ(pool->Pipeline({{"PING"}}).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(pool->Checkout().status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(pool->stats().connect_attempts, attempts) << "no connection attempt during backoff";
  EXPECT_LT(absl::Now() - start, kGenerousBound);
}

TEST_F(RedisOutageTest, ManyThreadsFailFastWithoutAConnectionStorm) {
  RedisConfig config = LongBackoffConfig();
  config.pool_size = 4;
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(server().Stop().ok());
  ASSERT_NO_FATAL_FAILURE(DriveIntoBackoff(*pool));
  const int64_t attempts = pool->stats().connect_attempts;

  std::atomic<int> unavailable{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  const absl::Time start = absl::Now();
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        absl::StatusCode code = pool->Command({"PING"}).status().code();
        ++(code == absl::StatusCode::kUnavailable ? unavailable : other);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(unavailable.load(), 800);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(pool->stats().connect_attempts, attempts);
  EXPECT_EQ(pool->stats().waiting, 0);
  EXPECT_LT(absl::Now() - start, kGenerousBound);
}

TEST_F(RedisOutageTest, PoolReconnectsByItselfAfterRedisRestarts) {
  RedisConfig config = ServerConfig();  // backoff 10 ms .. 100 ms
  config.pool_size = 3;
  config.command_timeout = absl::Milliseconds(500);
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  RedisClient client(pool.get());
  {
    // Open several connections, all idle when Redis goes away.
    absl::StatusOr<RedisPool::Lease> a = pool->Checkout();
    absl::StatusOr<RedisPool::Lease> b = pool->Checkout();
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_TRUE(a->Command({"SET", "before", "restart"}).ok());
  }
  ASSERT_EQ(pool->stats().idle, 2);

  ASSERT_TRUE(server().Stop().ok());
  EXPECT_EQ(client.Get("before").status().code(), absl::StatusCode::kUnavailable);
  // The stale idle connection went with the one that failed.
  EXPECT_EQ(pool->stats().open, 0);

  ASSERT_TRUE(server().Restart().ok()) << server().Log();
  ASSERT_OK(PollUntilAnswered(*pool));
  EXPECT_FALSE(pool->stats().backing_off);

  // Nothing was persisted; the pool works normally again.
  ASSERT_OK_AND_ASSIGN(absl::optional<std::string> before, client.Get("before"));
  EXPECT_FALSE(before.has_value());
  ASSERT_TRUE(client.SetWithTtl("after", "restart", absl::Minutes(1)).ok());
  EXPECT_EQ(*client.Get("after"), absl::optional<std::string>("restart"));
  // Reconnected connections carry the command timeout: BLPOP would otherwise answer nil in 5 s.
  EXPECT_EQ(pool->Command({"BLPOP", "empty-list", "5"}).status().code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST_F(RedisOutageTest, LargeWriteToAStoppedServerIsUnavailableNotADeadProcess) {
  std::unique_ptr<RedisPool> pool = MakePool(LongBackoffConfig());
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(pool->Command({"PING"}).ok());
  ASSERT_TRUE(server().Stop().ok());

  // Megabytes to a socket whose peer is gone: once the peer's RST arrives, the next write
  // raises SIGPIPE, which would end this test binary unless the library ignores it.
  const std::string big(8 << 20, 'x');
  std::vector<RedisCommand> commands(4, RedisCommand{"SET", "big", big});
  absl::StatusOr<std::vector<RedisReply>> replies = pool->Pipeline(commands);
  EXPECT_EQ(replies.status().code(), absl::StatusCode::kUnavailable) << replies.status();
}

TEST_F(RedisOutageTest, PoolCreatedWhileRedisIsDownConnectsOnceItIsUp) {
  ASSERT_TRUE(server().Stop().ok());
  std::unique_ptr<RedisPool> pool = MakePool(ServerConfig());
  ASSERT_NE(pool, nullptr);
  absl::StatusOr<RedisReply> down = pool->Command({"PING"});
  EXPECT_EQ(down.status().code(), absl::StatusCode::kUnavailable) << down.status();
  EXPECT_THAT(std::string(down.status().message()), HasSubstr("connect failed"));

  ASSERT_TRUE(server().Restart().ok()) << server().Log();
  absl::Status answered = PollUntilAnswered(*pool);
  EXPECT_TRUE(answered.ok()) << answered;
}

TEST(RedisUnreachableTest, NothingListeningIsUnavailable) {
  // Port 1 (tcpmux) has no listener on a build machine: the connect is refused.
  RedisConfig config;
  config.host = "127.0.0.1";
  config.port = 1;
  config.connect_timeout = absl::Milliseconds(200);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<RedisPool> pool, RedisPool::Create(config));
  absl::StatusOr<RedisReply> reply = pool->Command({"PING"});
  EXPECT_EQ(reply.status().code(), absl::StatusCode::kUnavailable) << reply.status();
}

}  // namespace
}  // namespace jixiao::redis
