#pragma once

// A ReportStore that forwards to another and records how long each operation took,
// failures included, and the size of each group commit:
//
//   jixiao_store_operation_duration_seconds{operation}   histogram (put_reports, get_report, ...)
//   jixiao_ingest_commit_batch_size                       histogram (reports per PutReports)
//
// Thread-safe as the store it wraps.

#include <memory>
#include <string>
#include <vector>

#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

class MeasuredReportStore final : public ReportStore {
 public:
  explicit MeasuredReportStore(std::unique_ptr<ReportStore> inner) : inner_(std::move(inner)) {}

  absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> PutReports(
      const std::vector<ReportToStore>& reports) override;
  absl::StatusOr<StoredReport> GetReport(absl::string_view report_id, int64_t version) override;
  absl::StatusOr<ReportPage> ListReports(const ReportFilter& filter, int page_size,
                                         absl::string_view page_token) override;
  absl::StatusOr<std::vector<StoredReport>> ReportHistory(absl::string_view report_id) override;
  absl::StatusOr<std::vector<StoredVersion>> ReportVersions(absl::string_view report_id) override;
  absl::StatusOr<TargetTablePutOutcome> PutTargetTable(const jixiao::v1::ProjectTargetTable& table,
                                                       absl::string_view content_hash,
                                                       const Submitter& submitter) override;
  absl::StatusOr<StoredTargetTable> GetTargetTable(absl::string_view table_id,
                                                   int64_t version) override;

 private:
  const std::unique_ptr<ReportStore> inner_;
};

}  // namespace jixiao::ingest
