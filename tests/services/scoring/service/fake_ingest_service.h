#pragma once
// An ingest service for ScoreYear's tests: ListReports and GetReport over the
// reports it was given (each stored as version 1), with ingest's paging (at
// most 500 a page), and ways to fail: reports GetReport no longer finds, a
// listing that fails, and GetReport calls held unanswered until released, so
// that a test can act while fetches are under way without sleeping.
#include <grpcpp/support/server_callback.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"

namespace jixiao::scoring::testing {

class FakeIngestService final : public jixiao::v1::IngestService::CallbackService {
 public:
  // Answers whatever is held, so that a failed test never leaves calls open.
  ~FakeIngestService() override { ReleaseHeldFetches(); }

  // Stores `report` as version 1 of its report id.
  void Store(const jixiao::v1::EvaluationReport& report);
  // GetReport answers NOT_FOUND for the report, which ListReports still lists
  // (as if it were deleted between the two calls).
  void Lose(const std::string& report_id);
  // ListReports answers `status` from now on.
  void FailListing(const grpc::Status& status);
  // GetReport calls are held unanswered from now on, until released.
  void HoldFetches();
  // Waits until `count` GetReport calls are held; false after `timeout`.
  bool WaitForHeldFetches(int count, absl::Duration timeout);
  // Answers every held call and stops holding.
  void ReleaseHeldFetches();

  int list_calls() const;
  int get_calls() const;
  // The largest page_size a ListReports call asked for.
  int largest_page_size_asked() const;

  grpc::ServerUnaryReactor* ListReports(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListReportsRequest* request,
                                        jixiao::v1::ListReportsResponse* response) override;
  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* context,
                                      const jixiao::v1::GetReportRequest* request,
                                      jixiao::v1::GetReportResponse* response) override;

 private:
  mutable std::mutex mu_;
  std::condition_variable held_changed_;
  // By report id, so that listing order is stable.
  std::map<std::string, jixiao::v1::EvaluationReport> reports_;  // guarded by mu_
  std::set<std::string> lost_;                                   // guarded by mu_
  grpc::Status listing_status_;                                  // guarded by mu_
  bool hold_fetches_ = false;                                    // guarded by mu_
  std::vector<grpc::ServerUnaryReactor*> held_;                  // guarded by mu_
  int list_calls_ = 0;                                           // guarded by mu_
  int get_calls_ = 0;                                            // guarded by mu_
  int largest_page_size_asked_ = 0;                              // guarded by mu_
};

}  // namespace jixiao::scoring::testing
