#pragma once

// A ReportStore that forwards to a real one and lets a test see and steer
// what the ingest service asks of it, for what a working store never does:
// counts of ListReports and GetReport calls, the largest page asked for, a
// smaller page limit (so that a few reports still take several pages), a
// listing that fails, reports that GetReport no longer finds although
// ListReports still lists them (as if deleted between the two calls), and
// GetReport calls or group commits (PutReports) held unanswered until
// released, so that a test can act while they are under way without
// sleeping, and commits that fail.
//
// Thread-safe, as the ReportStore contract asks.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::testing {

class InstrumentedReportStore final : public ingest::ReportStore {
 public:
  explicit InstrumentedReportStore(std::unique_ptr<ingest::ReportStore> inner)
      : inner_(std::move(inner)) {}
  // Answers whatever is held, so that a failed test never leaves calls open.
  ~InstrumentedReportStore() override {
    ReleaseHeldFetches();
    ReleaseCommits();
  }

  // ListReports answers at most `page_size` reports a page; 0: the store's own limit.
  void LimitPageSize(int page_size);
  // GetReport answers NOT_FOUND for the report from now on; ListReports still lists it.
  void Lose(const std::string& report_id);
  // ListReports fails with `status` from now on.
  void FailListing(absl::Status status);
  // GetReport calls are held unanswered from now on, until released.
  void HoldFetches();
  // Waits until `count` GetReport calls are held; false after `timeout`.
  bool WaitForHeldFetches(int count, absl::Duration timeout);
  // Lets every held call go on and stops holding.
  void ReleaseHeldFetches();

  // PutReports calls are held from now on, until released.
  void HoldCommits();
  // Waits until a PutReports call is held; false after `timeout`.
  bool WaitForHeldCommit(absl::Duration timeout);
  // Lets every held commit go on and stops holding.
  void ReleaseCommits();
  // PutReports fails with `status` from now on.
  void FailCommitsWith(absl::Status status);

  int list_calls() const;
  int get_calls() const;
  // The largest page_size a ListReports call asked for.
  int largest_page_size_asked() const;

  absl::StatusOr<std::vector<absl::StatusOr<ingest::PutOutcome>>> PutReports(
      const std::vector<ingest::ReportToStore>& reports) override;
  absl::StatusOr<ingest::StoredReport> GetReport(absl::string_view report_id,
                                                 int64_t version) override;
  absl::StatusOr<ingest::ReportPage> ListReports(const ingest::ReportFilter& filter, int page_size,
                                                 absl::string_view page_token) override;
  absl::StatusOr<std::vector<ingest::StoredReport>> ReportHistory(
      absl::string_view report_id) override;
  absl::StatusOr<std::vector<ingest::StoredVersion>> ReportVersions(
      absl::string_view report_id) override;
  absl::StatusOr<ingest::TargetTablePutOutcome> PutTargetTable(
      const jixiao::v1::ProjectTargetTable& table, absl::string_view content_hash,
      const ingest::Submitter& submitter) override;
  absl::StatusOr<ingest::StoredTargetTable> GetTargetTable(absl::string_view table_id,
                                                           int64_t version) override;

 private:
  const std::unique_ptr<ingest::ReportStore> inner_;
  mutable std::mutex mu_;
  std::condition_variable held_changed_;
  int page_size_limit_ = 0;                  // guarded by mu_
  std::set<std::string, std::less<>> lost_;  // guarded by mu_
  absl::Status listing_status_;              // guarded by mu_
  bool hold_fetches_ = false;                // guarded by mu_
  int held_ = 0;                             // guarded by mu_
  bool hold_commits_ = false;                // guarded by mu_
  int held_commits_ = 0;                     // guarded by mu_
  absl::Status commit_status_;               // guarded by mu_
  int list_calls_ = 0;                       // guarded by mu_
  int get_calls_ = 0;                        // guarded by mu_
  int largest_page_size_asked_ = 0;          // guarded by mu_
};

}  // namespace jixiao::testing
