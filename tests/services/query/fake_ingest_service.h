#pragma once
// An ingest service for query's tests: ListReports over the summaries it was
// given, with ingest's filters, in pages of at most `max_page_size` so that
// tests see query read every page. It counts its calls.
#include <mutex>
#include <vector>

#include "jixiao/v1/ingest_service.grpc.pb.h"

namespace jixiao::query::testing {

class FakeIngestService final : public jixiao::v1::IngestService::CallbackService {
 public:
  explicit FakeIngestService(int max_page_size) : max_page_size_(max_page_size) {}

  // Replaces the summary of the same report id, as a newer version would.
  void AddReport(const jixiao::v1::ReportSummary& report);
  int list_calls() const;

  grpc::ServerUnaryReactor* ListReports(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListReportsRequest* request,
                                        jixiao::v1::ListReportsResponse* response) override;

 private:
  const int max_page_size_;
  mutable std::mutex mu_;
  std::vector<jixiao::v1::ReportSummary> reports_;  // guarded by mu_
  int list_calls_ = 0;                              // guarded by mu_
};

}  // namespace jixiao::query::testing
