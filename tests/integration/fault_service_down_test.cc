// Scoring down, then ingest down, under a running query service: query answers
// what it can (cards in the cache) and refuses the rest with UNAVAILABLE, at
// once, and answers everything again once the service is back, without being
// restarted itself.

#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/support/status_macros.h"

namespace jixiao::testing {
namespace {

constexpr int kYear = 2023;
constexpr int kReports = 4;
// A refusal comes at once, not after the call's 10 s deadline.
constexpr absl::Duration kFailFast = absl::Seconds(3);
constexpr absl::Duration kRecovery = absl::Seconds(30);

class ServiceDownTest : public FaultStackTest {
 protected:
  void SetUp() override {
    StartWithReports(kReports);
    if (HasFatalFailure()) return;
    query_pid_ = stack_->process(Service::kQuery)->pid();
  }

  // The cached cards are answered, from the cache, with their totals.
  void ExpectCachedCardsAnswered() {
    for (int i = 0; i < kReports; ++i) {
      v1::GetScoreCardResponse card;
      EXPECT_OK(QueryScoreCard(*stack_, ids_[i], &card));
      EXPECT_EQ(card.scorecard().total(), totals_[ids_[i]]);
      EXPECT_TRUE(card.freshness().from_cache());
    }
  }

  // What query cannot answer it refuses with UNAVAILABLE, quickly. Any other
  // answer must be a right one.
  void ExpectAnsweredOrUnavailable(const char* what, const std::function<grpc::Status()>& call) {
    const absl::Time start = absl::Now();
    const grpc::Status status = call();
    const absl::Duration took = absl::Now() - start;
    std::cerr << what << " with a service down: " << StatusText(status) << " in " << took << "\n";
    if (!status.ok()) {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << what;
    }
    EXPECT_LT(took, kFailFast) << what;
  }

  pid_t query_pid_ = 0;
};

TEST_F(ServiceDownTest, ScoringDown) {
  ASSERT_OK(stack_->Stop(Service::kScoring, absl::Seconds(15)));
  ExpectCachedCardsAnswered();

  // A new version while scoring is down is stored, and its card cannot be
  // computed: UNAVAILABLE, not an old card and not a hang.
  v1::EvaluationReport changed = DistinctReport(0);
  changed.mutable_declared()->set_total(changed.declared().total() - 1);
  v1::SubmitReportRequest request;
  *request.mutable_report() = changed;
  v1::SubmitReportResponse submitted;
  ASSERT_OK(
      stack_->ingest().SubmitReport(CallContext(absl::Seconds(20)).get(), request, &submitted));
  ASSERT_EQ(submitted.ref().version(), 2);
  v1::GetScoreCardResponse card;
  const absl::Time start = absl::Now();
  const grpc::Status status = QueryScoreCard(*stack_, ids_[0], &card);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << StatusText(status);
  EXPECT_LT(absl::Now() - start, kFailFast);
  ExpectAnsweredOrUnavailable("Compare", [&] {
    v1::CompareResponse comparison;
    return QueryCompare(*stack_, kYear, &comparison);
  });

  ASSERT_OK(stack_->Restart(Service::kScoring));
  EXPECT_TRUE(PollUntil(
      [&] {
        v1::GetScoreCardResponse again;
        return QueryScoreCard(*stack_, ids_[0], &again).ok() &&
               again.scorecard().report().version() == 2 &&
               again.scorecard().declared_total() == changed.declared().total();
      },
      kRecovery));
  v1::CompareResponse comparison;
  EXPECT_OK(QueryCompare(*stack_, kYear, &comparison));
  EXPECT_EQ(comparison.rows_size(), kReports);
  EXPECT_TRUE(stack_->Running(Service::kQuery));
  EXPECT_EQ(stack_->process(Service::kQuery)->pid(), query_pid_);
}

TEST_F(ServiceDownTest, IngestDown) {
  stack_->Kill(Service::kIngest);
  ExpectCachedCardsAnswered();
  ExpectAnsweredOrUnavailable("Compare", [&] {
    v1::CompareResponse comparison;
    return QueryCompare(*stack_, kYear, &comparison);
  });
  ExpectAnsweredOrUnavailable("Ranking", [&] {
    v1::RankingResponse ranking;
    return QueryRanking(*stack_, kYear, &ranking);
  });
  // A report query never saw: nothing to answer from.
  ExpectAnsweredOrUnavailable("GetScoreCard of an unknown report", [&] {
    v1::GetScoreCardResponse card;
    return QueryScoreCard(*stack_, DistinctReport(kReports).report_id(), &card);
  });

  ASSERT_OK(stack_->Restart(Service::kIngest));
  EXPECT_TRUE(PollUntil(
      [&] {
        v1::CompareResponse comparison;
        return QueryCompare(*stack_, kYear, &comparison).ok() && comparison.rows_size() == kReports;
      },
      kRecovery));
  // Compare may have been answered from the cache: ingest itself may take the
  // test's own channel a moment more to reconnect to (channel_policy.h).
  v1::ReportRef ref;
  ASSERT_TRUE(PollUntil([&] { return SubmitDistinct(*stack_, kReports, &ref).ok(); }, kRecovery));
  EXPECT_TRUE(PollUntil(
      [&] {
        v1::GetScoreCardResponse card;
        return QueryScoreCard(*stack_, ref.report_id(), &card).ok();
      },
      kRecovery));
  ExpectCachedCardsAnswered();
  EXPECT_TRUE(stack_->Running(Service::kQuery));
  EXPECT_EQ(stack_->process(Service::kQuery)->pid(), query_pid_);
}

}  // namespace
}  // namespace jixiao::testing
