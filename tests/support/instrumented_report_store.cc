#include "tests/support/instrumented_report_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace jixiao::testing {

void InstrumentedReportStore::LimitPageSize(int page_size) {
  std::lock_guard<std::mutex> lock(mu_);
  page_size_limit_ = page_size;
}

void InstrumentedReportStore::Lose(const std::string& report_id) {
  std::lock_guard<std::mutex> lock(mu_);
  lost_.insert(report_id);
}

void InstrumentedReportStore::FailListing(absl::Status status) {
  std::lock_guard<std::mutex> lock(mu_);
  listing_status_ = std::move(status);
}

void InstrumentedReportStore::HoldFetches() {
  std::lock_guard<std::mutex> lock(mu_);
  hold_fetches_ = true;
}

bool InstrumentedReportStore::WaitForHeldFetches(int count, absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return held_changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                                [this, count] { return held_ >= count; });
}

void InstrumentedReportStore::ReleaseHeldFetches() {
  std::lock_guard<std::mutex> lock(mu_);
  hold_fetches_ = false;
  held_changed_.notify_all();
}

void InstrumentedReportStore::HoldCommits() {
  std::lock_guard<std::mutex> lock(mu_);
  hold_commits_ = true;
}

bool InstrumentedReportStore::WaitForHeldCommit(absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return held_changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                                [this] { return held_commits_ > 0; });
}

void InstrumentedReportStore::ReleaseCommits() {
  std::lock_guard<std::mutex> lock(mu_);
  hold_commits_ = false;
  held_changed_.notify_all();
}

void InstrumentedReportStore::FailCommitsWith(absl::Status status) {
  std::lock_guard<std::mutex> lock(mu_);
  commit_status_ = std::move(status);
}

int InstrumentedReportStore::list_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return list_calls_;
}

int InstrumentedReportStore::get_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return get_calls_;
}

int InstrumentedReportStore::largest_page_size_asked() const {
  std::lock_guard<std::mutex> lock(mu_);
  return largest_page_size_asked_;
}

absl::StatusOr<std::vector<absl::StatusOr<ingest::PutOutcome>>> InstrumentedReportStore::PutReports(
    const std::vector<ingest::ReportToStore>& reports) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    ++held_commits_;
    held_changed_.notify_all();
    held_changed_.wait(lock, [this] { return !hold_commits_; });
    --held_commits_;
    if (!commit_status_.ok()) return commit_status_;
  }
  return inner_->PutReports(reports);
}

absl::StatusOr<ingest::StoredReport> InstrumentedReportStore::GetReport(absl::string_view report_id,
                                                                        int64_t version) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    ++get_calls_;
    if (hold_fetches_) {
      ++held_;
      held_changed_.notify_all();
      held_changed_.wait(lock, [this] { return !hold_fetches_; });
      --held_;
    }
    if (lost_.count(report_id) > 0) {
      return absl::NotFoundError(absl::StrCat("no report ", report_id, " v", version));
    }
  }
  return inner_->GetReport(report_id, version);
}

absl::StatusOr<ingest::ReportPage> InstrumentedReportStore::ListReports(
    const ingest::ReportFilter& filter, int page_size, absl::string_view page_token) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++list_calls_;
    largest_page_size_asked_ = std::max(largest_page_size_asked_, page_size);
    if (!listing_status_.ok()) return listing_status_;
    if (page_size_limit_ > 0) {
      page_size = std::min(page_size > 0 ? page_size : ingest::kDefaultPageSize, page_size_limit_);
    }
  }
  return inner_->ListReports(filter, page_size, page_token);
}

absl::StatusOr<std::vector<ingest::StoredReport>> InstrumentedReportStore::ReportHistory(
    absl::string_view report_id) {
  return inner_->ReportHistory(report_id);
}

absl::StatusOr<std::vector<ingest::StoredVersion>> InstrumentedReportStore::ReportVersions(
    absl::string_view report_id) {
  return inner_->ReportVersions(report_id);
}

absl::StatusOr<ingest::TargetTablePutOutcome> InstrumentedReportStore::PutTargetTable(
    const jixiao::v1::ProjectTargetTable& table, absl::string_view content_hash,
    const ingest::Submitter& submitter) {
  return inner_->PutTargetTable(table, content_hash, submitter);
}

absl::StatusOr<ingest::StoredTargetTable> InstrumentedReportStore::GetTargetTable(
    absl::string_view table_id, int64_t version) {
  return inner_->GetTargetTable(table_id, version);
}

}  // namespace jixiao::testing
