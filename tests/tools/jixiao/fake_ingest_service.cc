#include "tests/tools/jixiao/fake_ingest_service.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/domain/report_id/report_id.h"
#include "common/domain/validation/report_validator.h"
#include "tools/jixiao/rich_status.h"

namespace jixiao::cli::testing {

// Reads a whole stream, answering each report as it comes, and finishes at
// the half-close: the service's contract without its flow control.
class FakeIngestService::StreamReactor final
    : public grpc::ServerReadReactor<jixiao::v1::SubmitReportRequest> {
 public:
  StreamReactor(FakeIngestService* fake, jixiao::v1::SubmitReportsResponse* response)
      : fake_(fake), response_(response) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      {
        std::lock_guard<std::mutex> lock(fake_->mu_);
        fake_->stream_sizes_.push_back(response_->results_size());
      }
      Finish(grpc::Status::OK);
      return;
    }
    jixiao::v1::SubmitReportsItemResult result = fake_->Judge(request_.report());
    result.set_index(response_->results_size());
    if (result.code() == 0) {
      response_->set_stored(response_->stored() + 1);
      if (result.created()) response_->set_created(response_->created() + 1);
    } else {
      response_->set_refused(response_->refused() + 1);
    }
    *response_->add_results() = std::move(result);
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  FakeIngestService* const fake_;
  jixiao::v1::SubmitReportsResponse* const response_;
  jixiao::v1::SubmitReportRequest request_;
};

jixiao::v1::SubmitReportsItemResult FakeIngestService::Judge(
    const jixiao::v1::EvaluationReport& report) {
  const std::string& code = report.department().code();
  // The id ingest would derive: a department's projects are reports of their own.
  const std::string id = report_id::Of(report);
  int seen = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    seen = static_cast<int>(std::count(submitted_ids_.begin(), submitted_ids_.end(), id));
    submitted_.push_back(code);
    submitted_ids_.push_back(id);
  }
  jixiao::v1::SubmitReportsItemResult result;
  if (!options_.refused_department.empty() && code == options_.refused_department) {
    // As the ingest service words a refusal: the summary names the first
    // violation, the BadRequest lists them all.
    result.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
    result.set_message("report refused: 2 violations; the first: report.kind is required");
    auto* kind = result.add_violations();
    kind->set_field("report.kind");
    kind->set_description("is required");
    auto* department = result.add_violations();
    department->set_field("report.department.code");
    department->set_description("must be \"<division code>:<slug>\"");
    return result;
  }
  result.set_report_id(id);
  result.mutable_ref()->set_report_id(result.report_id());
  // The tests resubmit only identical content: the same version, not created.
  result.mutable_ref()->set_version(1);
  result.set_created(seen == 0);
  return result;
}

grpc::ServerUnaryReactor* FakeIngestService::SubmitReport(
    grpc::CallbackServerContext* context, const jixiao::v1::SubmitReportRequest* request,
    jixiao::v1::SubmitReportResponse* response) {
  auto* reactor = context->DefaultReactor();
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++unary_submits_;
  }
  const jixiao::v1::SubmitReportsItemResult result = Judge(request->report());
  *response->mutable_ref() = result.ref();
  response->set_created(result.created());
  Answer(reactor, ItemStatus(result));
  return reactor;
}

grpc::ServerReadReactor<jixiao::v1::SubmitReportRequest>* FakeIngestService::SubmitReports(
    grpc::CallbackServerContext* /*context*/, jixiao::v1::SubmitReportsResponse* response) {
  return new StreamReactor(this, response);
}

grpc::ServerUnaryReactor* FakeIngestService::ImportTargetTable(
    grpc::CallbackServerContext* context, const jixiao::v1::ImportTargetTableRequest* request,
    jixiao::v1::ImportTargetTableResponse* response) {
  auto* reactor = context->DefaultReactor();
  {
    std::lock_guard<std::mutex> lock(mu_);
    imports_.push_back(*request);
  }
  const auto& department =
      request->has_table() ? request->table().department() : request->department();
  const int year = request->has_table() ? request->table().fiscal_year() : request->fiscal_year();
  response->set_table_id(absl::StrCat(department.code(), "/", year, "/targets"));
  response->mutable_table()->add_projects()->set_name("项目一");
  response->mutable_table()->add_projects()->set_name("项目二");
  if (absl::StrContains(request->text(), "bad line")) {
    auto* error = response->add_errors();
    error->set_line(2);
    error->set_reason("绩效指标 cell has no 年度指标值");
  }
  Answer(reactor, grpc::Status::OK);
  return reactor;
}

void FakeIngestService::Answer(grpc::ServerUnaryReactor* reactor, grpc::Status status) {
  std::vector<std::pair<grpc::ServerUnaryReactor*, grpc::Status>> ready;
  {
    std::lock_guard<std::mutex> lock(mu_);
    held_.emplace_back(reactor, std::move(status));
    max_in_flight_ = std::max(max_in_flight_, static_cast<int>(held_.size()));
    const int batch = options_.expected_calls > 0
                          ? std::min(options_.batch, options_.expected_calls - answered_)
                          : options_.batch;
    if (static_cast<int>(held_.size()) < batch) return;
    answered_ += static_cast<int>(held_.size());
    ready.swap(held_);
  }
  // Finish outside the lock: it may run the call's completion inline.
  for (auto& [held_reactor, held_status] : ready) held_reactor->Finish(held_status);
}

void FakeIngestService::ReleaseAll() {
  std::vector<std::pair<grpc::ServerUnaryReactor*, grpc::Status>> ready;
  {
    std::lock_guard<std::mutex> lock(mu_);
    answered_ += static_cast<int>(held_.size());
    ready.swap(held_);
  }
  for (auto& [reactor, status] : ready) reactor->Finish(status);
}

std::vector<std::string> FakeIngestService::submitted() const {
  std::lock_guard<std::mutex> lock(mu_);
  return submitted_;
}

std::vector<int> FakeIngestService::stream_sizes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stream_sizes_;
}

int FakeIngestService::unary_submits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return unary_submits_;
}

std::vector<jixiao::v1::ImportTargetTableRequest> FakeIngestService::imports() const {
  std::lock_guard<std::mutex> lock(mu_);
  return imports_;
}

int FakeIngestService::max_in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_in_flight_;
}

}  // namespace jixiao::cli::testing
