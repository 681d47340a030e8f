#include "tests/services/query/fake_ingest_service.h"

#include <algorithm>
#include <string>

#include "absl/strings/numbers.h"

namespace jixiao::query::testing {
namespace {

bool Selected(const jixiao::v1::ListReportsRequest& request,
              const jixiao::v1::ReportSummary& report) {
  const jixiao::v1::Department& department = report.department();
  if (request.fiscal_year() != 0 && report.fiscal_year() != request.fiscal_year()) return false;
  if (!request.district_code().empty() && department.district().code() != request.district_code()) {
    return false;
  }
  if (request.level() != jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED &&
      department.level() != request.level()) {
    return false;
  }
  return request.sector_tag().empty() ||
         std::find(department.sector_tags().begin(), department.sector_tags().end(),
                   request.sector_tag()) != department.sector_tags().end();
}

}  // namespace

void FakeIngestService::AddReport(const jixiao::v1::ReportSummary& report) {
  std::lock_guard<std::mutex> lock(mu_);
  // ListReports lists latest versions: a newer version replaces the older.
  for (jixiao::v1::ReportSummary& stored : reports_) {
    if (stored.ref().report_id() == report.ref().report_id()) {
      stored = report;
      return;
    }
  }
  reports_.push_back(report);
}

int FakeIngestService::list_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return list_calls_;
}

grpc::ServerUnaryReactor* FakeIngestService::ListReports(
    grpc::CallbackServerContext* context, const jixiao::v1::ListReportsRequest* request,
    jixiao::v1::ListReportsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  std::lock_guard<std::mutex> lock(mu_);
  ++list_calls_;
  // The page token is the index of the next selected report.
  size_t skip = 0;
  if (!request->page_token().empty() && !absl::SimpleAtoi(request->page_token(), &skip)) {
    reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page_token"));
    return reactor;
  }
  const size_t page = static_cast<size_t>(
      std::min(request->page_size() > 0 ? request->page_size() : 50, max_page_size_));
  size_t index = 0;
  for (const jixiao::v1::ReportSummary& report : reports_) {
    if (!Selected(*request, report)) continue;
    if (index >= skip && index < skip + page) *response->add_reports() = report;
    ++index;
  }
  if (index > skip + page) response->set_next_page_token(std::to_string(skip + page));
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace jixiao::query::testing
