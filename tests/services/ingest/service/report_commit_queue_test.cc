#include "services/ingest/service/report_commit_queue.h"

#include <gtest/gtest.h>

#include <future>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/ingest/store/report_store.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"

namespace jixiao::ingest {
namespace {

ReportToStore Report(int department, const std::string& hash) {
  ReportToStore item;
  auto& r = item.report;
  r.set_kind(jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  r.set_fiscal_year(2023);
  auto* d = r.mutable_department();
  d->set_code(absl::StrCat("440106:dept-", department));
  d->set_name(absl::StrCat("部门", department));
  d->mutable_district()->set_code("440106");
  d->mutable_district()->set_name("天河区");
  d->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  r.set_report_id(absl::StrCat(d->code(), "/2023/department"));
  item.content_hash = hash;
  return item;
}

class ReportCommitQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(dir_, testing::TempDir::Create("commit-queue"));
    ASSERT_OK_AND_ASSIGN(store_,
                         OpenReportStore(absl::StrCat("sqlite://", dir_->File("reports.db"))));
  }

  std::unique_ptr<testing::TempDir> dir_;
  std::unique_ptr<ReportStore> store_;
};

TEST_F(ReportCommitQueueTest, EverySubmissionFromManyThreadsIsCommittedAndAnswered) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::vector<std::promise<absl::StatusOr<PutOutcome>>> results(kThreads * kPerThread);
  {
    ReportCommitQueue queue(store_.get(), /*max_batch=*/16);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const int n = t * kPerThread + i;
          queue.Submit(Report(n, absl::StrCat("hash-", n)),
                       [&results, n](absl::StatusOr<PutOutcome> outcome) {
                         results[n].set_value(std::move(outcome));
                       });
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }  // the destructor commits what is still queued
  for (int n = 0; n < kThreads * kPerThread; ++n) {
    ASSERT_OK_AND_ASSIGN(auto outcome, results[n].get_future().get());
    EXPECT_TRUE(outcome.created);
    EXPECT_EQ(outcome.ref.version(), 1);
    EXPECT_EQ(outcome.ref.report_id(), absl::StrCat("440106:dept-", n, "/2023/department"));
    ASSERT_OK_AND_ASSIGN(auto stored, store_->GetReport(outcome.ref.report_id(), 0));
    EXPECT_EQ(stored.ref.content_hash(), absl::StrCat("hash-", n));
  }
}

TEST_F(ReportCommitQueueTest, TheSameReportInOneBatchAppliesInOrder) {
  std::promise<absl::StatusOr<PutOutcome>> first, second, again;
  {
    ReportCommitQueue queue(store_.get(), /*max_batch=*/64);
    queue.Submit(Report(1, "a"), [&](auto o) { first.set_value(std::move(o)); });
    queue.Submit(Report(1, "b"), [&](auto o) { second.set_value(std::move(o)); });
    queue.Submit(Report(1, "b"), [&](auto o) { again.set_value(std::move(o)); });
  }
  auto a = first.get_future().get(), b = second.get_future().get(), c = again.get_future().get();
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->ref.version(), 1);
  EXPECT_EQ(b->ref.version(), 2);
  EXPECT_TRUE(b->created);
  EXPECT_EQ(c->ref.version(), 2);  // same content: the same version, not a new one
  EXPECT_FALSE(c->created);
}

TEST_F(ReportCommitQueueTest, AnInvalidItemFailsAloneAndTheOthersCommit) {
  std::promise<absl::StatusOr<PutOutcome>> bad, good;
  {
    ReportCommitQueue queue(store_.get(), /*max_batch=*/64);
    queue.Submit(Report(1, ""), [&](auto o) { bad.set_value(std::move(o)); });  // no hash
    queue.Submit(Report(2, "h"), [&](auto o) { good.set_value(std::move(o)); });
  }
  EXPECT_FALSE(bad.get_future().get().ok());
  EXPECT_TRUE(good.get_future().get().ok());
}

}  // namespace
}  // namespace jixiao::ingest
