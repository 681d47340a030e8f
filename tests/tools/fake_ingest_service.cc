#include "tests/tools/fake_ingest_service.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace jixiao::cli::testing {
namespace {

// As the ingest service words a refusal: the summary names the first violation,
// the BadRequest in the details lists them all.
grpc::Status Refusal() {
  google::rpc::BadRequest bad_request;
  auto* kind = bad_request.add_field_violations();
  kind->set_field("report.kind");
  kind->set_description("is required");
  auto* code = bad_request.add_field_violations();
  code->set_field("report.department.code");
  code->set_description("must be \"<division code>:<slug>\"");
  google::rpc::Status details;
  details.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  details.set_message("report refused: 2 violations; the first: report.kind is required");
  details.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, details.message(),
                      details.SerializeAsString());
}

}  // namespace

grpc::ServerUnaryReactor* FakeIngestService::SubmitReport(
    grpc::CallbackServerContext* context, const jixiao::v1::SubmitReportRequest* request,
    jixiao::v1::SubmitReportResponse* response) {
  auto* reactor = context->DefaultReactor();
  const auto& report = request->report();
  const std::string& code = report.department().code();
  int seen = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    seen = static_cast<int>(std::count(submitted_.begin(), submitted_.end(), code));
    submitted_.push_back(code);
  }
  if (!options_.refused_department.empty() && code == options_.refused_department) {
    Answer(reactor, Refusal());
    return reactor;
  }
  auto* ref = response->mutable_ref();
  ref->set_report_id(absl::StrCat(code, "/", report.fiscal_year(), "/department"));
  // The tests resubmit only identical content: the same version, not created.
  ref->set_version(1);
  response->set_created(seen == 0);
  Answer(reactor, grpc::Status::OK);
  return reactor;
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

std::vector<jixiao::v1::ImportTargetTableRequest> FakeIngestService::imports() const {
  std::lock_guard<std::mutex> lock(mu_);
  return imports_;
}

int FakeIngestService::max_in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_in_flight_;
}

}  // namespace jixiao::cli::testing
