#include "services/ingest/store/measured_report_store.h"

#include <chrono>

#include "common/platform/metrics/metrics_registry.h"

namespace jixiao::ingest {
namespace {

// Runs `operation` and records its duration under `name`.
template <typename Operation>
auto Timed(const char* name, Operation operation) {
  static auto& family =
      metrics::HistogramFamily("jixiao_store_operation_duration_seconds",
                               "Time a report store operation took, failures included");
  const auto start = std::chrono::steady_clock::now();
  auto result = operation();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  family.Add({{"operation", name}}, metrics::LatencyBuckets()).Observe(elapsed.count());
  return result;
}

void ObserveBatch(size_t reports) {
  static auto& histogram = metrics::HistogramFamily("jixiao_ingest_commit_batch_size",
                                                    "Reports stored together in one durable commit")
                               .Add({}, prometheus::Histogram::BucketBoundaries{
                                            1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024});
  histogram.Observe(static_cast<double>(reports));
}

}  // namespace

absl::StatusOr<std::vector<absl::StatusOr<PutOutcome>>> MeasuredReportStore::PutReports(
    const std::vector<ReportToStore>& reports) {
  ObserveBatch(reports.size());
  return Timed("put_reports", [&] { return inner_->PutReports(reports); });
}

absl::StatusOr<StoredReport> MeasuredReportStore::GetReport(absl::string_view report_id,
                                                            int64_t version) {
  return Timed("get_report", [&] { return inner_->GetReport(report_id, version); });
}

absl::StatusOr<ReportPage> MeasuredReportStore::ListReports(const ReportFilter& filter,
                                                            int page_size,
                                                            absl::string_view page_token) {
  return Timed("list_reports", [&] { return inner_->ListReports(filter, page_size, page_token); });
}

absl::StatusOr<std::vector<StoredReport>> MeasuredReportStore::ReportHistory(
    absl::string_view report_id) {
  return Timed("report_history", [&] { return inner_->ReportHistory(report_id); });
}

absl::StatusOr<std::vector<StoredVersion>> MeasuredReportStore::ReportVersions(
    absl::string_view report_id) {
  return Timed("report_versions", [&] { return inner_->ReportVersions(report_id); });
}

absl::StatusOr<TargetTablePutOutcome> MeasuredReportStore::PutTargetTable(
    const jixiao::v1::ProjectTargetTable& table, absl::string_view content_hash,
    const Submitter& submitter) {
  return Timed("put_target_table",
               [&] { return inner_->PutTargetTable(table, content_hash, submitter); });
}

absl::StatusOr<StoredTargetTable> MeasuredReportStore::GetTargetTable(absl::string_view table_id,
                                                                      int64_t version) {
  return Timed("get_target_table", [&] { return inner_->GetTargetTable(table_id, version); });
}

}  // namespace jixiao::ingest
