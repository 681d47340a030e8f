// Command timeouts: DEADLINE_EXCEEDED, the timed-out connection is never used again (its
// late reply must not be read as the answer to a later command), and the circuit opens until
// a probe finds the server answering again.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "common/platform/redis/redis_pool.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"

namespace jixiao::redis {
namespace {

using ::testing::HasSubstr;

class RedisTimeoutTest : public RedisServerFixture {
 protected:
  // One connection, so that reuse of a broken one would be unavoidable if the pool allowed it.
  RedisConfig ShortTimeoutConfig() const {
    RedisConfig config = ServerConfig();
    config.pool_size = 1;
    config.command_timeout = absl::Milliseconds(100);
    return config;
  }

  // `args` once the circuit a timeout opened lets a probe through (bounded by a deadline).
  static absl::StatusOr<RedisReply> CommandOnceTheCircuitCloses(
      RedisPool& pool, std::vector<absl::string_view> args) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    absl::StatusOr<RedisReply> reply;
    do {
      reply = pool.Command(args);
      if (reply.status().code() != absl::StatusCode::kUnavailable) return reply;
      absl::SleepFor(absl::Milliseconds(2));  // polling interval, not synchronization
    } while (absl::Now() < deadline);
    return reply;
  }
};

TEST_F(RedisTimeoutTest, BlockedCommandTimesOutAndItsConnectionIsReplaced) {
  std::unique_ptr<RedisPool> pool = MakePool(ShortTimeoutConfig());
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(pool->Command({"SET", "answer", "42"}).ok());
  ASSERT_OK_AND_ASSIGN(RedisReply old_id, pool->Command({"CLIENT", "ID"}));

  // BLPOP blocks only this client (for 2 s, far beyond the 100 ms timeout); the server stays
  // responsive, so the next command can succeed at once.
  absl::StatusOr<RedisReply> blocked = pool->Command({"BLPOP", "empty-list", "2"});
  EXPECT_EQ(blocked.status().code(), absl::StatusCode::kDeadlineExceeded) << blocked.status();
  EXPECT_THAT(std::string(blocked.status().message()), HasSubstr("BLPOP"));

  RedisPool::Stats stats = pool->stats();
  EXPECT_EQ(stats.open, 0) << "the timed-out connection must be dropped";
  EXPECT_EQ(stats.dropped_connections, 1);
  EXPECT_TRUE(stats.backing_off) << "a timeout opens the circuit";
  EXPECT_EQ(pool->Command({"GET", "answer"}).status().code(), absl::StatusCode::kUnavailable)
      << "callers fail fast while it is open";

  ASSERT_OK_AND_ASSIGN(RedisReply answer, CommandOnceTheCircuitCloses(*pool, {"GET", "answer"}));
  EXPECT_FALSE(pool->stats().backing_off) << "the probe's answer closed it";
  EXPECT_EQ(answer, RedisReply::String("42"));  // not BLPOP's late nil
  ASSERT_OK_AND_ASSIGN(RedisReply new_id, pool->Command({"CLIENT", "ID"}));
  EXPECT_NE(new_id, old_id);
  EXPECT_EQ(pool->stats().connect_attempts, 2);

  // The replacement connection has the command timeout too: without it BLPOP would return
  // nil after 2 s instead of failing. (The circuit is closed: no call fails fast here.)
  EXPECT_EQ(pool->Command({"BLPOP", "empty-list", "2"}).status().code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST_F(RedisTimeoutTest, DebugSleepTimesOutAndTheNextAnswerIsTheRightOne) {
  std::unique_ptr<RedisPool> pool = MakePool(ShortTimeoutConfig());
  ASSERT_NE(pool, nullptr);
  ASSERT_TRUE(pool->Command({"SET", "answer", "42"}).ok());

  absl::StatusOr<RedisReply> slept = pool->Command({"DEBUG", "SLEEP", "0.5"});
  EXPECT_EQ(slept.status().code(), absl::StatusCode::kDeadlineExceeded) << slept.status();
  EXPECT_EQ(pool->stats().open, 0);

  // DEBUG SLEEP blocks the whole (single-threaded) server, so commands sent while it sleeps
  // time out too. Poll until one is answered; that answer must be GET's, never the "+OK" that
  // DEBUG SLEEP sends when it wakes up.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  absl::StatusOr<RedisReply> answer;
  do {
    answer = pool->Command({"GET", "answer"});
  } while ((answer.status().code() == absl::StatusCode::kDeadlineExceeded ||
            answer.status().code() == absl::StatusCode::kUnavailable) &&
           absl::Now() < deadline);
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(*answer, RedisReply::String("42"));
}

TEST_F(RedisTimeoutTest, TimeoutInsideAPipelineFailsItAndDropsTheConnection) {
  std::unique_ptr<RedisPool> pool = MakePool(ShortTimeoutConfig());
  ASSERT_NE(pool, nullptr);
  absl::StatusOr<std::vector<RedisReply>> replies =
      pool->Pipeline({{"SET", "a", "1"}, {"BLPOP", "empty-list", "2"}, {"GET", "a"}});
  EXPECT_EQ(replies.status().code(), absl::StatusCode::kDeadlineExceeded) << replies.status();
  EXPECT_THAT(std::string(replies.status().message()), HasSubstr("reply 2 of 3"));
  EXPECT_EQ(pool->stats().open, 0);

  ASSERT_OK_AND_ASSIGN(RedisReply a, CommandOnceTheCircuitCloses(*pool, {"GET", "a"}));
  EXPECT_EQ(a, RedisReply::String("1"));
}

TEST_F(RedisTimeoutTest, BrokenLeaseRefusesFurtherCommands) {
  std::unique_ptr<RedisPool> pool = MakePool(ShortTimeoutConfig());
  ASSERT_NE(pool, nullptr);
  ASSERT_OK_AND_ASSIGN(RedisPool::Lease lease, pool->Checkout());
  EXPECT_EQ(lease.Command({"BLPOP", "empty-list", "2"}).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_TRUE(lease.connection().broken());
  // The same lease keeps answering with the failure instead of reading a stale reply.
  EXPECT_EQ(lease.Command({"PING"}).status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(lease.Pipeline({{"PING"}}).status().code(), absl::StatusCode::kDeadlineExceeded);
}

// A hung server accepts connections and never answers. Each thread calls as a request
// handler would; with the circuit, only the calls already under way when it hung, and one
// probe per delay, wait out the timeout: the rest fail fast.
TEST_F(RedisTimeoutTest, AHungServerCostsOneTimeoutPerDelayNotOnePerCall) {
  RedisConfig config = ServerConfig();
  config.pool_size = 4;
  config.command_timeout = absl::Milliseconds(100);
  config.backoff_initial = absl::Seconds(30);  // no probe within the test
  config.backoff_max = absl::Seconds(30);
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  ASSERT_OK(pool->Command({"PING"}));
  ASSERT_OK(server().Pause());

  int timeouts = 0;
  int fast = 0;
  for (int call = 0; call < 50; ++call) {
    const absl::StatusCode code = pool->Command({"PING"}).status().code();
    timeouts += code == absl::StatusCode::kDeadlineExceeded;
    fast += code == absl::StatusCode::kUnavailable;
  }
  EXPECT_EQ(timeouts, 1);
  EXPECT_EQ(fast, 49);
  EXPECT_TRUE(pool->stats().backing_off);
  ASSERT_OK(server().Resume());
}

// The probes that look for the hung server's return are the prober's, not the callers': after
// the call that was under way when it hung, no call waits out a timeout, however many probes
// fail meanwhile. Once the server answers again, a probe closes the circuit by itself.
TEST_F(RedisTimeoutTest, ProbesOfAHungServerNeverDelayACaller) {
  RedisConfig config = ServerConfig();
  config.pool_size = 2;
  config.command_timeout = absl::Milliseconds(200);
  config.backoff_initial = absl::Milliseconds(10);
  config.backoff_max = absl::Milliseconds(20);
  std::unique_ptr<RedisPool> pool = MakePool(config);
  ASSERT_NE(pool, nullptr);
  ASSERT_OK(pool->Command({"PING"}));
  ASSERT_OK(server().Pause());
  EXPECT_EQ(pool->Command({"PING"}).status().code(), absl::StatusCode::kDeadlineExceeded);

  // Calls until at least three probes have timed out; each fails fast.
  absl::Duration slowest;
  int calls = 0;
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  while (pool->stats().probes < 3 && absl::Now() < give_up) {
    const absl::Time start = absl::Now();
    const absl::StatusCode code = pool->Command({"PING"}).status().code();
    slowest = std::max(slowest, absl::Now() - start);
    ASSERT_EQ(code, absl::StatusCode::kUnavailable);
    ++calls;
    absl::SleepFor(absl::Milliseconds(1));  // pacing, not synchronization
  }
  ASSERT_GE(pool->stats().probes, 3) << "the prober did not probe";
  EXPECT_TRUE(pool->stats().backing_off);
  // A timeout is 200 ms; failing fast takes microseconds. Half a timeout keeps a busy
  // machine from failing the test without letting a probe's wait through.
  EXPECT_LT(slowest, config.command_timeout / 2) << "over " << calls << " calls";

  ASSERT_OK(server().Resume());
  ASSERT_OK_AND_ASSIGN(RedisReply pong, CommandOnceTheCircuitCloses(*pool, {"PING"}));
  EXPECT_EQ(pong, RedisReply::Status("PONG"));
  EXPECT_FALSE(pool->stats().backing_off);
}

}  // namespace
}  // namespace jixiao::redis
