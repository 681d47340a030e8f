// The bookkeeping of a SubmitReports stream without gRPC: results in stream
// order, the in-flight bound, the counts, and exactly one finish however the
// stream ends.

#include "services/ingest/service/submit_reports_ledger.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/ingest/service/bad_request.h"

namespace jixiao::ingest {
namespace {

using Next = SubmitReportsLedger::Next;
using jixiao::v1::SubmitReportResponse;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

SubmitReportResponse Stored(const std::string& report_id, int64_t version, bool created) {
  SubmitReportResponse response;
  response.mutable_ref()->set_report_id(report_id);
  response.mutable_ref()->set_version(version);
  response.mutable_ref()->set_content_hash(std::string(64, 'a'));
  response.set_created(created);
  return response;
}

std::vector<int> IndicesOf(const jixiao::v1::SubmitReportsResponse& response) {
  std::vector<int> indices;
  for (const auto& result : response.results()) indices.push_back(result.index());
  return indices;
}

TEST(ItemResultOfTest, ARefusalKeepsItsCodeMessageAndFieldViolations) {
  const absl::Status refusal = BadRequestError(
      "report",
      {{"report.kind", "is required"}, {"report.budget.initial.fen", "must not be negative"}});
  const jixiao::v1::SubmitReportsItemResult result = ItemResultOf(3, "", refusal);
  EXPECT_EQ(result.index(), 3);
  EXPECT_EQ(result.report_id(), "");
  EXPECT_EQ(result.code(), 3);  // INVALID_ARGUMENT
  EXPECT_EQ(result.message(), refusal.message());
  ASSERT_EQ(result.violations_size(), 2);
  EXPECT_EQ(result.violations(0).field(), "report.kind");
  EXPECT_EQ(result.violations(0).description(), "is required");
  EXPECT_EQ(result.violations(1).field(), "report.budget.initial.fen");
  EXPECT_FALSE(result.has_ref());
}

TEST(ItemResultOfTest, AStoreErrorNamesTheReportAndHasNoViolations) {
  const jixiao::v1::SubmitReportsItemResult result =
      ItemResultOf(0, "440106:a/2023/department", absl::UnavailableError("database is busy"));
  EXPECT_EQ(result.report_id(), "440106:a/2023/department");
  EXPECT_EQ(result.code(), 14);  // UNAVAILABLE
  EXPECT_EQ(result.message(), "database is busy");
  EXPECT_THAT(result.violations(), IsEmpty());
}

TEST(ItemResultOfTest, AStoredReportHasItsVersionAndWarnings) {
  SubmitReportResponse stored = Stored("440106:a/2023/department", 2, false);
  stored.add_warnings()->set_code("BUDGET_EXECUTION_RATE_MISMATCH");
  const jixiao::v1::SubmitReportsItemResult result = ItemResultOf(1, "", stored);
  EXPECT_EQ(result.code(), 0);
  EXPECT_EQ(result.message(), "");
  EXPECT_EQ(result.report_id(), "440106:a/2023/department");  // from the ref
  EXPECT_EQ(result.ref().version(), 2);
  EXPECT_FALSE(result.created());
  ASSERT_EQ(result.warnings_size(), 1);
  EXPECT_EQ(result.warnings(0).code(), "BUDGET_EXECUTION_RATE_MISMATCH");
}

TEST(SubmitReportsLedgerTest, ResultsComeOutInStreamOrderWhateverOrderTheyAreAnsweredIn) {
  SubmitReportsLedger ledger(8);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(ledger.Admit(), i);
    EXPECT_EQ(ledger.ReadHandled(), Next::kRead);
  }
  EXPECT_EQ(ledger.EndOfInput(), Next::kWait);  // three still in flight
  EXPECT_EQ(ledger.Complete(2, "c", Stored("c", 1, true)), Next::kWait);
  EXPECT_EQ(ledger.Complete(0, "", absl::InvalidArgumentError("report refused")), Next::kWait);
  EXPECT_EQ(ledger.Complete(1, "b", Stored("b", 4, false)), Next::kFinish);

  EXPECT_FALSE(ledger.cancelled());
  const jixiao::v1::SubmitReportsResponse response = ledger.TakeResponse();
  EXPECT_THAT(IndicesOf(response), ElementsAre(0, 1, 2));
  EXPECT_EQ(response.results(0).code(), 3);
  EXPECT_EQ(response.results(1).ref().report_id(), "b");
  EXPECT_EQ(response.results(2).ref().report_id(), "c");
  EXPECT_EQ(response.stored(), 2);
  EXPECT_EQ(response.created(), 1);
  EXPECT_EQ(response.refused(), 1);
}

TEST(SubmitReportsLedgerTest, AnEmptyStreamFinishesAtItsEnd) {
  SubmitReportsLedger ledger(8);
  EXPECT_EQ(ledger.EndOfInput(), Next::kFinish);
  const jixiao::v1::SubmitReportsResponse response = ledger.TakeResponse();
  EXPECT_THAT(response.results(), IsEmpty());
  EXPECT_EQ(response.stored() + response.created() + response.refused(), 0);
}

TEST(SubmitReportsLedgerTest, ReadingPausesAtTheBoundAndResumesWithTheFirstAnswer) {
  SubmitReportsLedger ledger(2);
  ledger.Admit();
  EXPECT_EQ(ledger.ReadHandled(), Next::kRead);
  ledger.Admit();
  EXPECT_EQ(ledger.ReadHandled(), Next::kPaused);
  // One answer frees a place: read again, once.
  EXPECT_EQ(ledger.Complete(1, "b", Stored("b", 1, true)), Next::kRead);
  EXPECT_EQ(ledger.Complete(0, "a", Stored("a", 1, true)), Next::kWait);
  ledger.Admit();
  EXPECT_EQ(ledger.ReadHandled(), Next::kRead);
  EXPECT_EQ(ledger.EndOfInput(), Next::kWait);
  EXPECT_EQ(ledger.Complete(2, "c", Stored("c", 1, true)), Next::kFinish);
  EXPECT_EQ(ledger.peak_in_flight(), 2);
  EXPECT_EQ(ledger.TakeResponse().results_size(), 3);
}

TEST(SubmitReportsLedgerTest, AnAnswerBeforeTheReadIsHandledStartsNoSecondRead) {
  SubmitReportsLedger ledger(1);
  ledger.Admit();
  // A refusal is answered on the reading thread, before ReadHandled.
  EXPECT_EQ(ledger.Complete(0, "", absl::InvalidArgumentError("refused")), Next::kWait);
  EXPECT_EQ(ledger.ReadHandled(), Next::kRead);
  EXPECT_EQ(ledger.EndOfInput(), Next::kFinish);
}

TEST(SubmitReportsLedgerTest, ACancelledPausedStreamReadsNoMoreAndFinishesWithTheLastAnswer) {
  SubmitReportsLedger ledger(1);
  ledger.Admit();
  EXPECT_EQ(ledger.ReadHandled(), Next::kPaused);
  EXPECT_EQ(ledger.Cancel(), Next::kWait);
  // The answer that would have resumed reading finishes instead.
  EXPECT_EQ(ledger.Complete(0, "a", Stored("a", 1, true)), Next::kFinish);
  EXPECT_TRUE(ledger.cancelled());
}

TEST(SubmitReportsLedgerTest, ACancellationWhileAReadIsPendingWaitsForTheReadToFail) {
  SubmitReportsLedger ledger(4);
  ledger.Admit();
  EXPECT_EQ(ledger.ReadHandled(), Next::kRead);
  EXPECT_EQ(ledger.Cancel(), Next::kWait);
  EXPECT_EQ(ledger.EndOfInput(), Next::kWait);  // the admitted report is still in flight
  EXPECT_EQ(ledger.Complete(0, "a", Stored("a", 1, true)), Next::kFinish);
}

TEST(SubmitReportsLedgerTest, ACancellationWhileAReportIsHandedOnEndsReading) {
  SubmitReportsLedger ledger(4);
  ledger.Admit();
  EXPECT_EQ(ledger.Cancel(), Next::kWait);
  EXPECT_EQ(ledger.ReadHandled(), Next::kWait);
  EXPECT_EQ(ledger.Complete(0, "a", Stored("a", 1, true)), Next::kFinish);

  SubmitReportsLedger answered_first(4);
  answered_first.Admit();
  EXPECT_EQ(answered_first.Complete(0, "", absl::InvalidArgumentError("refused")), Next::kWait);
  EXPECT_EQ(answered_first.Cancel(), Next::kWait);
  EXPECT_EQ(answered_first.ReadHandled(), Next::kFinish);
}

TEST(SubmitReportsLedgerTest, FinishesExactlyOnce) {
  SubmitReportsLedger ledger(4);
  ledger.Admit();
  EXPECT_EQ(ledger.ReadHandled(), Next::kRead);
  EXPECT_EQ(ledger.EndOfInput(), Next::kWait);
  EXPECT_EQ(ledger.Complete(0, "a", Stored("a", 1, true)), Next::kFinish);
  // A cancellation after the finish (the response could not be sent), a
  // second answer, an answer for an index never read: nothing more to do.
  EXPECT_EQ(ledger.Cancel(), Next::kWait);
  EXPECT_EQ(ledger.Complete(0, "a", Stored("a", 1, true)), Next::kWait);
  EXPECT_EQ(ledger.Complete(7, "x", Stored("x", 1, true)), Next::kWait);
  EXPECT_EQ(ledger.Complete(-1, "x", Stored("x", 1, true)), Next::kWait);
  const jixiao::v1::SubmitReportsResponse response = ledger.TakeResponse();
  EXPECT_EQ(response.results_size(), 1);
  EXPECT_EQ(response.stored(), 1);
}

TEST(SubmitReportsLedgerTest, AnswersFromManyThreadsFinishOnceWithEveryResult) {
  constexpr int kReports = 2000;
  constexpr int kThreads = 8;
  SubmitReportsLedger ledger(kReports + 1);  // never reaches the bound
  for (int i = 0; i < kReports; ++i) {
    ledger.Admit();
    ASSERT_EQ(ledger.ReadHandled(), Next::kRead);
  }
  std::atomic<int> finishes{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < kReports; i += kThreads) {
        const std::string id = std::to_string(i);
        const Next next = i % 3 == 0 ? ledger.Complete(i, "", absl::InvalidArgumentError("no"))
                                     : ledger.Complete(i, id, Stored(id, 1, i % 2 == 0));
        if (next == Next::kFinish) ++finishes;
        if (next == Next::kRead) ++reads;
      }
    });
  }
  // The end of input races the answers: whichever comes last finishes.
  if (ledger.EndOfInput() == Next::kFinish) ++finishes;
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(finishes.load(), 1);
  EXPECT_EQ(reads.load(), 0);  // never paused, so never resumed
  const jixiao::v1::SubmitReportsResponse response = ledger.TakeResponse();
  ASSERT_EQ(response.results_size(), kReports);
  for (int i = 0; i < kReports; ++i) {
    ASSERT_EQ(response.results(i).index(), i);
    ASSERT_EQ(response.results(i).code(), i % 3 == 0 ? 3 : 0) << i;
  }
  EXPECT_EQ(response.refused(), (kReports + 2) / 3);
  EXPECT_EQ(response.stored(), kReports - response.refused());
}

}  // namespace
}  // namespace jixiao::ingest
