// ScoreYear's bookkeeping: counts, the cadence of progress messages, and the
// failures each named once, at most 100 in a whole call. Times are given, never read.

#include "services/scoring/service/score_year_tally.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "absl/strings/str_cat.h"

namespace jixiao::scoring {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1'700'000'000);

v1::SchemeRef Scheme() {
  v1::SchemeRef scheme;
  scheme.set_id("guangzhou-department");
  scheme.set_version(1);
  scheme.set_content_hash("hash");
  return scheme;
}

ScoreYearTally Tally(int64_t every_reports = 500, absl::Duration every = absl::Seconds(1)) {
  return ScoreYearTally(Scheme(), 2023, kStart, ProgressCadence{every_reports, every});
}

TEST(ScoreYearTallyTest, CountsAndEchoesTheSchemeAndYear) {
  ScoreYearTally tally = Tally();
  tally.Listed(5);
  tally.Scored(/*complete=*/true);
  tally.Scored(/*complete=*/true);
  tally.Scored(/*complete=*/false);
  tally.Failed("a/2023/department", "NOT_FOUND: gone");
  const v1::ScoreYearProgress progress =
      tally.TakeProgress(kStart + absl::Milliseconds(1500), true);
  EXPECT_EQ(progress.scheme().id(), "guangzhou-department");
  EXPECT_EQ(progress.scheme().version(), 1);
  EXPECT_EQ(progress.fiscal_year(), 2023);
  EXPECT_EQ(progress.reports(), 5);
  EXPECT_EQ(progress.scored(), 3);
  EXPECT_EQ(progress.complete(), 2);
  EXPECT_EQ(progress.incomplete(), 1);
  EXPECT_EQ(progress.failed(), 1);
  ASSERT_EQ(progress.failures_size(), 1);
  EXPECT_EQ(progress.failures(0).report_id(), "a/2023/department");
  EXPECT_EQ(progress.failures(0).message(), "NOT_FOUND: gone");
  EXPECT_TRUE(progress.done());
  EXPECT_EQ(progress.elapsed_ms(), 1500);
  EXPECT_EQ(tally.finished(), 4);
}

TEST(ScoreYearTallyTest, NothingIsDueWhileNothingChanges) {
  ScoreYearTally tally = Tally();
  EXPECT_FALSE(tally.ProgressDue(kStart + absl::Hours(1)));
  tally.Listed(0);
  EXPECT_FALSE(tally.ProgressDue(kStart + absl::Hours(1)));
  tally.Scored(true);
  EXPECT_TRUE(tally.ProgressDue(kStart + absl::Hours(1)));
  tally.TakeProgress(kStart + absl::Hours(1), false);
  EXPECT_FALSE(tally.ProgressDue(kStart + absl::Hours(2)));
}

TEST(ScoreYearTallyTest, DueAfterSoManyReportsFinished) {
  ScoreYearTally tally = Tally(/*every_reports=*/3, absl::Hours(1));
  tally.Listed(10);
  tally.Scored(true);
  tally.Failed("a", "x");
  EXPECT_FALSE(tally.ProgressDue(kStart));
  tally.Scored(false);
  EXPECT_TRUE(tally.ProgressDue(kStart));
  tally.TakeProgress(kStart, false);
  // The count starts again from the message.
  tally.Scored(true);
  tally.Scored(true);
  EXPECT_FALSE(tally.ProgressDue(kStart));
  tally.Scored(true);
  EXPECT_TRUE(tally.ProgressDue(kStart));
}

TEST(ScoreYearTallyTest, DueAfterTheIntervalWhenSomethingChanged) {
  ScoreYearTally tally = Tally(500, absl::Seconds(1));
  tally.Listed(500);  // a page listed is news too
  EXPECT_FALSE(tally.ProgressDue(kStart + absl::Milliseconds(999)));
  EXPECT_TRUE(tally.ProgressDue(kStart + absl::Seconds(1)));
  tally.TakeProgress(kStart + absl::Seconds(1), false);
  tally.Scored(true);
  EXPECT_FALSE(tally.ProgressDue(kStart + absl::Milliseconds(1999)));
  EXPECT_TRUE(tally.ProgressDue(kStart + absl::Seconds(2)));
}

TEST(ScoreYearTallyTest, EachFailureIsNamedOnce) {
  ScoreYearTally tally = Tally();
  tally.Failed("a", "1");
  tally.Failed("b", "2");
  const v1::ScoreYearProgress first = tally.TakeProgress(kStart, false);
  ASSERT_EQ(first.failures_size(), 2);
  EXPECT_EQ(first.failures(0).report_id(), "a");
  EXPECT_EQ(first.failures(1).report_id(), "b");
  tally.Scored(true);
  const v1::ScoreYearProgress second = tally.TakeProgress(kStart, false);
  EXPECT_EQ(second.failures_size(), 0);
  EXPECT_EQ(second.failed(), 2);
  tally.Failed("c", "3");
  const v1::ScoreYearProgress last = tally.TakeProgress(kStart, true);
  ASSERT_EQ(last.failures_size(), 1);
  EXPECT_EQ(last.failures(0).report_id(), "c");
  EXPECT_EQ(last.failed(), 3);
}

TEST(ScoreYearTallyTest, AtMostAHundredFailuresAreNamedInAll) {
  ScoreYearTally tally = Tally();
  std::set<std::string> named;
  int messages_failures = 0;
  for (int i = 0; i < 250; ++i) {
    tally.Failed(absl::StrCat("r", i), "NOT_FOUND");
    if (i % 40 == 39) {
      const v1::ScoreYearProgress progress = tally.TakeProgress(kStart, false);
      for (const v1::ScoreYearFailure& failure : progress.failures()) {
        named.insert(failure.report_id());
        ++messages_failures;
      }
    }
  }
  const v1::ScoreYearProgress last = tally.TakeProgress(kStart, true);
  for (const v1::ScoreYearFailure& failure : last.failures()) {
    named.insert(failure.report_id());
    ++messages_failures;
  }
  EXPECT_EQ(last.failed(), 250);
  EXPECT_EQ(messages_failures, ScoreYearTally::kMaxNamedFailures);
  EXPECT_EQ(named.size(), static_cast<size_t>(ScoreYearTally::kMaxNamedFailures));
  // The first ones, in the order they failed.
  EXPECT_EQ(named.count("r0"), 1u);
  EXPECT_EQ(named.count("r99"), 1u);
  EXPECT_EQ(named.count("r100"), 0u);
}

}  // namespace
}  // namespace jixiao::scoring
