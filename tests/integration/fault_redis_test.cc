// Redis hung (SIGSTOP) and killed (SIGKILL) under the running services:
// GetScoreCard and Compare go on answering with the right totals, marked
// degraded, and quickly while Redis hangs (the circuit breaker); once Redis is
// back the answers are no longer degraded and, after a restart that lost
// everything, the ranking is served from Redis again with nobody's help.

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/support/status_macros.h"

namespace jixiao::testing {
namespace {

constexpr int kYear = 2023;
constexpr int kReports = 6;
// The p99 latency of GetScoreCard and Compare while Redis hangs, as the issue
// sets it. Only the first call pays Redis timeouts (500 ms in query, then
// 500 ms in scoring); the breakers then fail every call at once, and their
// probes run off the callers' path.
constexpr absl::Duration kHungP99 = absl::Seconds(1);
constexpr int kCallsWhileHung = 100;  // of each method
// How soon the answers heal once Redis is back.
constexpr absl::Duration kHeal = absl::Seconds(60);

class RedisFaultTest : public FaultStackTest {
 protected:
  void SetUp() override {
    StartWithReports(kReports);
    if (HasFatalFailure()) return;
    // The ranking sets fill as scoring ranks what it computes.
    ASSERT_TRUE(PollUntil([&] { return RankedInRedis(stack_->redis(), kYear) == kReports; },
                          absl::Seconds(30)));
  }

  // One GetScoreCard: answered, with the total from before the fault. Whether
  // it said degraded; its latency goes to `latencies`.
  bool CheckScoreCard(const std::string& id, std::vector<absl::Duration>* latencies = nullptr) {
    v1::GetScoreCardResponse card;
    const absl::Time start = absl::Now();
    const grpc::Status status = QueryScoreCard(*stack_, id, &card);
    if (latencies != nullptr) latencies->push_back(absl::Now() - start);
    EXPECT_OK(status);
    EXPECT_EQ(card.scorecard().total(), totals_[id]) << id;
    return card.freshness().degraded();
  }

  // The same for Compare: every report, each with its total.
  bool CheckCompare(std::vector<absl::Duration>* latencies = nullptr) {
    v1::CompareResponse comparison;
    const absl::Time start = absl::Now();
    const grpc::Status status = QueryCompare(*stack_, kYear, &comparison);
    if (latencies != nullptr) latencies->push_back(absl::Now() - start);
    EXPECT_OK(status);
    EXPECT_EQ(comparison.rows_size(), kReports);
    for (const v1::ComparisonRow& row : comparison.rows()) {
      EXPECT_EQ(row.total(), totals_[row.report_id()]) << row.report_id();
    }
    return comparison.freshness().degraded();
  }

  // Not degraded any more, within kHeal.
  void ExpectHealed() {
    const absl::Time start = absl::Now();
    EXPECT_TRUE(PollUntil([&] { return !CheckScoreCard(ids_[0]) && !CheckCompare(); }, kHeal));
    std::cerr << "answers not degraded again after " << absl::Now() - start << "\n";
    for (const std::string& id : ids_) EXPECT_FALSE(CheckScoreCard(id)) << id;
  }
};

TEST_F(RedisFaultTest, HungRedisAnswersStayCorrectDegradedAndQuick) {
  ASSERT_OK(stack_->redis().Pause());
  std::vector<absl::Duration> cards;
  std::vector<absl::Duration> comparisons;
  int degraded_cards = 0;
  int degraded_comparisons = 0;
  for (int i = 0; i < kCallsWhileHung; ++i) {
    degraded_cards += CheckScoreCard(ids_[i % kReports], &cards);
    degraded_comparisons += CheckCompare(&comparisons);
  }
  ASSERT_OK(stack_->redis().Resume());

  EXPECT_EQ(degraded_cards, kCallsWhileHung);
  EXPECT_EQ(degraded_comparisons, kCallsWhileHung);
  std::cerr << "while Redis hung, " << kCallsWhileHung << " calls each: GetScoreCard p50 "
            << Quantile(cards, 0.5) << " p99 " << Quantile(cards, 0.99) << " max "
            << Quantile(cards, 1) << "; Compare p50 " << Quantile(comparisons, 0.5) << " p99 "
            << Quantile(comparisons, 0.99) << " max " << Quantile(comparisons, 1) << "\n";
  EXPECT_LT(Quantile(cards, 0.99), kHungP99);
  EXPECT_LT(Quantile(comparisons, 0.99), kHungP99);

  ExpectHealed();
}

TEST_F(RedisFaultTest, KilledRedisRestartedEmptyHealsByItself) {
  stack_->redis().Kill();
  for (const std::string& id : ids_) EXPECT_TRUE(CheckScoreCard(id)) << id;
  EXPECT_TRUE(CheckCompare());
  v1::RankingResponse ranking;
  EXPECT_OK(QueryRanking(*stack_, kYear, &ranking));
  EXPECT_TRUE(ranking.freshness().degraded());

  // Back, with nothing in it: no catalog, no cards, no rankings.
  ASSERT_OK(stack_->redis().Restart());
  ExpectHealed();
  const absl::Time start = absl::Now();
  EXPECT_TRUE(PollUntil(
      [&] {
        v1::RankingResponse healed;
        return RankedInRedis(stack_->redis(), kYear) == kReports &&
               QueryRanking(*stack_, kYear, &healed).ok() && healed.freshness().from_cache() &&
               !healed.freshness().degraded();
      },
      kHeal, absl::Milliseconds(200)));
  std::cerr << "ranking served from Redis again after " << absl::Now() - start << "\n";
  v1::RankingResponse healed;
  ASSERT_OK(QueryRanking(*stack_, kYear, &healed));
  ASSERT_EQ(healed.top_size(), ranking.top_size());
  for (int i = 0; i < healed.top_size(); ++i) {
    EXPECT_EQ(healed.top(i).department_code(), ranking.top(i).department_code());
    EXPECT_EQ(healed.top(i).total(), ranking.top(i).total());
  }
}

}  // namespace
}  // namespace jixiao::testing
