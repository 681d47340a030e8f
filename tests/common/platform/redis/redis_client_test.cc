// The typed wrappers against a real redis-server.

#include "common/platform/redis/redis_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"

namespace jixiao::redis {

// Readable ScoredMember values in gtest failure messages.
void PrintTo(const ScoredMember& entry, std::ostream* out) {
  *out << "{" << entry.member << ", " << entry.score << "}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class RedisClientTest : public RedisServerFixture {
 protected:
  void SetUp() override {
    RedisServerFixture::SetUp();
    if (HasFatalFailure()) return;
    pool_ = MakePool(ServerConfig());
    ASSERT_NE(pool_, nullptr);
    client_ = std::make_unique<RedisClient>(pool_.get());
  }

  RedisClient& client() { return *client_; }

  // Reads a key's remaining time to live straight from Redis.
  int64_t PttlOf(const std::string& key) {
    absl::StatusOr<RedisReply> reply = pool_->Command({"PTTL", key});
    EXPECT_TRUE(reply.ok()) << reply.status();
    return reply.ok() ? reply->integer() : -100;
  }

 private:
  std::unique_ptr<RedisPool> pool_;
  std::unique_ptr<RedisClient> client_;
};

TEST_F(RedisClientTest, GetAndSetWithTtl) {
  ASSERT_OK_AND_ASSIGN(absl::optional<std::string> missing, client().Get("scorecard:1"));
  EXPECT_FALSE(missing.has_value());

  const std::string card("{\"score\":87.5}\0tail", 19);
  ASSERT_TRUE(client().SetWithTtl("scorecard:1", card, absl::Minutes(10)).ok());
  absl::StatusOr<absl::optional<std::string>> got = client().Get("scorecard:1");
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, card);

  const int64_t ttl_ms = PttlOf("scorecard:1");
  EXPECT_GT(ttl_ms, 0);
  EXPECT_LE(ttl_ms, 600'000);
}

TEST_F(RedisClientTest, SetWithTtlRejectsTtlsRedisCannotTake) {
  EXPECT_EQ(client().SetWithTtl("k", "v", absl::ZeroDuration()).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(client().SetWithTtl("k", "v", absl::Microseconds(999)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(client().SetWithTtl("k", "v", absl::InfiniteDuration()).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RedisClientTest, GetOfAnotherTypeIsAnError) {
  ASSERT_TRUE(client().ZAdd("ranking", {{"a", 1}}).ok());
  absl::StatusOr<absl::optional<std::string>> got = client().Get("ranking");
  EXPECT_EQ(got.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(got.status().message()), HasSubstr("WRONGTYPE"));
}

TEST_F(RedisClientTest, MGetReturnsNulloptForMissingKeysInOrder) {
  ASSERT_TRUE(client().SetWithTtl("a", "1", absl::Minutes(1)).ok());
  ASSERT_TRUE(client().SetWithTtl("c", std::string("3\0", 2), absl::Minutes(1)).ok());
  ASSERT_OK_AND_ASSIGN(std::vector<absl::optional<std::string>> values,
                       client().MGet({"a", "b", "c", "d"}));
  EXPECT_THAT(values,
              ElementsAre(absl::optional<std::string>("1"), absl::nullopt,
                          absl::optional<std::string>(std::string("3\0", 2)), absl::nullopt));

  ASSERT_OK_AND_ASSIGN(std::vector<absl::optional<std::string>> none, client().MGet({}));
  EXPECT_TRUE(none.empty());
}

TEST_F(RedisClientTest, DelCountsTheKeysThatExisted) {
  ASSERT_TRUE(client().SetWithTtl("x", "1", absl::Minutes(1)).ok());
  ASSERT_TRUE(client().SetWithTtl("y", "1", absl::Minutes(1)).ok());
  ASSERT_OK_AND_ASSIGN(int64_t deleted, client().Del({"x", "y", "z"}));
  EXPECT_EQ(deleted, 2);
  EXPECT_FALSE(client().Get("x")->has_value());
  EXPECT_EQ(*client().Del({}), 0);
}

TEST_F(RedisClientTest, SortedSetRankingByDescendingScore) {
  // A district ranking: member = department code, score = recomputed total.
  ASSERT_OK_AND_ASSIGN(int64_t added, client().ZAdd("ranking:2023", {{"440106:commerce", 88.5},
                                                                     {"440103:commerce", 91.25},
                                                                     {"440100:commerce", 79},
                                                                     {"440106:ccpit", 88.5}}));
  EXPECT_EQ(added, 4);
  // Updating a score adds nothing new.
  EXPECT_EQ(*client().ZAdd("ranking:2023", {{"440100:commerce", 80.1}}), 0);

  ASSERT_OK_AND_ASSIGN(std::vector<ScoredMember> top,
                       client().ZRangeRevWithScores("ranking:2023", 0, -1));
  // Ties (88.5) come in reverse lexicographic order under REV.
  EXPECT_THAT(
      top,
      ElementsAre(ScoredMember{"440103:commerce", 91.25}, ScoredMember{"440106:commerce", 88.5},
                  ScoredMember{"440106:ccpit", 88.5}, ScoredMember{"440100:commerce", 80.1}));

  ASSERT_OK_AND_ASSIGN(std::vector<ScoredMember> second_and_third,
                       client().ZRangeRevWithScores("ranking:2023", 1, 2));
  EXPECT_THAT(second_and_third, ElementsAre(ScoredMember{"440106:commerce", 88.5},
                                            ScoredMember{"440106:ccpit", 88.5}));

  EXPECT_EQ(*client().ZCard("ranking:2023"), 4);
  EXPECT_EQ(*client().ZRevRank("ranking:2023", "440103:commerce"), absl::optional<int64_t>(0));
  EXPECT_EQ(*client().ZRevRank("ranking:2023", "440100:commerce"), absl::optional<int64_t>(3));
  EXPECT_EQ(*client().ZRevRank("ranking:2023", "nobody"), absl::nullopt);
  EXPECT_EQ(*client().ZScore("ranking:2023", "440100:commerce"), absl::optional<double>(80.1));
  EXPECT_EQ(*client().ZScore("ranking:2023", "nobody"), absl::nullopt);

  ASSERT_OK_AND_ASSIGN(int64_t removed, client().ZRem("ranking:2023", {"440106:ccpit", "nobody"}));
  EXPECT_EQ(removed, 1);
  EXPECT_EQ(*client().ZCard("ranking:2023"), 3);
  EXPECT_EQ(*client().ZRem("ranking:2023", {}), 0);
}

TEST_F(RedisClientTest, MissingSortedSetIsEmpty) {
  ASSERT_OK_AND_ASSIGN(std::vector<ScoredMember> range,
                       client().ZRangeRevWithScores("none", 0, -1));
  EXPECT_TRUE(range.empty());
  EXPECT_EQ(*client().ZCard("none"), 0);
}

TEST_F(RedisClientTest, ScoresRoundTripExactlyIncludingInfinities) {
  const double tricky = 0.1 + 0.2;  // 0.30000000000000004
  const double infinity = std::numeric_limits<double>::infinity();
  ASSERT_TRUE(client()
                  .ZAdd("scores", {{"tricky", tricky},
                                   {"tiny", 5e-324},
                                   {"huge", 1.7976931348623157e308},
                                   {"up", infinity},
                                   {"down", -infinity},
                                   {"negative", -12.75}})
                  .ok());
  EXPECT_EQ(*client().ZScore("scores", "tricky"), absl::optional<double>(tricky));
  EXPECT_EQ(*client().ZScore("scores", "tiny"), absl::optional<double>(5e-324));
  EXPECT_EQ(*client().ZScore("scores", "huge"), absl::optional<double>(1.7976931348623157e308));
  EXPECT_EQ(*client().ZScore("scores", "up"), absl::optional<double>(infinity));
  EXPECT_EQ(*client().ZScore("scores", "down"), absl::optional<double>(-infinity));

  ASSERT_OK_AND_ASSIGN(std::vector<ScoredMember> all,
                       client().ZRangeRevWithScores("scores", 0, -1));
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(all.front(), (ScoredMember{"up", infinity}));
  EXPECT_EQ(all.back(), (ScoredMember{"down", -infinity}));
}

TEST_F(RedisClientTest, NanScoreIsRejectedBeforeSending) {
  absl::StatusOr<int64_t> added = client().ZAdd("scores", {{"ok", 1}, {"bad", std::nan("")}});
  EXPECT_EQ(added.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*client().ZCard("scores"), 0);
}

TEST(RedisScoreTextTest, FormatIsShortestRoundTrip) {
  EXPECT_EQ(FormatRedisScore(0.1), "0.1");
  EXPECT_EQ(FormatRedisScore(88.5), "88.5");
  EXPECT_EQ(FormatRedisScore(-3), "-3");
  EXPECT_EQ(FormatRedisScore(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FormatRedisScore(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(RedisScoreTextTest, ParseReadsRedisNotation) {
  EXPECT_EQ(*ParseRedisScore("91.25"), 91.25);
  EXPECT_EQ(*ParseRedisScore("0.10000000000000001"), 0.1);
  EXPECT_EQ(*ParseRedisScore("inf"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(*ParseRedisScore("-inf"), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(ParseRedisScore("abc").status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(ParseRedisScore("nan").status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(ParseRedisScore("").status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace jixiao::redis
