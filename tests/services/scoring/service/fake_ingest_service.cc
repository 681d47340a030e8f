#include "tests/services/scoring/service/fake_ingest_service.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace jixiao::scoring::testing {
namespace {

// Ingest's own limit and default.
constexpr int kMaxPageSize = 500;
constexpr int kDefaultPageSize = 50;

jixiao::v1::ReportRef RefOf(const jixiao::v1::EvaluationReport& report) {
  jixiao::v1::ReportRef ref;
  ref.set_report_id(report.report_id());
  ref.set_version(1);
  ref.set_content_hash(absl::StrCat("content-", report.report_id()));
  return ref;
}

grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* context, const grpc::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

}  // namespace

void FakeIngestService::Store(const jixiao::v1::EvaluationReport& report) {
  std::lock_guard<std::mutex> lock(mu_);
  reports_[report.report_id()] = report;
}

void FakeIngestService::Lose(const std::string& report_id) {
  std::lock_guard<std::mutex> lock(mu_);
  lost_.insert(report_id);
}

void FakeIngestService::FailListing(const grpc::Status& status) {
  std::lock_guard<std::mutex> lock(mu_);
  listing_status_ = status;
}

void FakeIngestService::HoldFetches() {
  std::lock_guard<std::mutex> lock(mu_);
  hold_fetches_ = true;
}

bool FakeIngestService::WaitForHeldFetches(int count, absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return held_changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                                [this, count] { return static_cast<int>(held_.size()) >= count; });
}

void FakeIngestService::ReleaseHeldFetches() {
  std::vector<grpc::ServerUnaryReactor*> held;
  {
    std::lock_guard<std::mutex> lock(mu_);
    hold_fetches_ = false;
    held.swap(held_);
  }
  for (grpc::ServerUnaryReactor* reactor : held) reactor->Finish(grpc::Status::OK);
}

int FakeIngestService::list_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return list_calls_;
}

int FakeIngestService::get_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return get_calls_;
}

int FakeIngestService::largest_page_size_asked() const {
  std::lock_guard<std::mutex> lock(mu_);
  return largest_page_size_asked_;
}

grpc::ServerUnaryReactor* FakeIngestService::ListReports(
    grpc::CallbackServerContext* context, const jixiao::v1::ListReportsRequest* request,
    jixiao::v1::ListReportsResponse* response) {
  std::lock_guard<std::mutex> lock(mu_);
  ++list_calls_;
  largest_page_size_asked_ = std::max(largest_page_size_asked_, request->page_size());
  if (!listing_status_.ok()) return Answer(context, listing_status_);
  // The page token is the index of the next report of the year.
  size_t skip = 0;
  if (!request->page_token().empty() && !absl::SimpleAtoi(request->page_token(), &skip)) {
    return Answer(context, grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page_token"));
  }
  const size_t page = static_cast<size_t>(
      std::min(request->page_size() > 0 ? request->page_size() : kDefaultPageSize, kMaxPageSize));
  size_t index = 0;
  for (const auto& [id, report] : reports_) {
    if (request->fiscal_year() != 0 && report.fiscal_year() != request->fiscal_year()) continue;
    if (index >= skip && index < skip + page) {
      jixiao::v1::ReportSummary& summary = *response->add_reports();
      *summary.mutable_ref() = RefOf(report);
      *summary.mutable_department() = report.department();
      summary.set_fiscal_year(report.fiscal_year());
      summary.set_kind(report.kind());
    }
    ++index;
  }
  if (index > skip + page) response->set_next_page_token(std::to_string(skip + page));
  return Answer(context, grpc::Status::OK);
}

grpc::ServerUnaryReactor* FakeIngestService::GetReport(grpc::CallbackServerContext* context,
                                                       const jixiao::v1::GetReportRequest* request,
                                                       jixiao::v1::GetReportResponse* response) {
  std::lock_guard<std::mutex> lock(mu_);
  ++get_calls_;
  const auto found = reports_.find(request->report_id());
  if (found == reports_.end() || lost_.count(request->report_id()) > 0 || request->version() > 1) {
    return Answer(context, grpc::Status(grpc::StatusCode::NOT_FOUND,
                                        absl::StrCat("no report ", request->report_id(), " v",
                                                     request->version())));
  }
  *response->mutable_ref() = RefOf(found->second);
  *response->mutable_report() = found->second;
  response->set_stored_at_unix_ms(1'700'000'000'000);
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (hold_fetches_) {
    held_.push_back(reactor);
    held_changed_.notify_all();
    return reactor;
  }
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace jixiao::scoring::testing
