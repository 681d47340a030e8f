#include "tools/jixiao/ingest_batch.h"

#include <grpcpp/client_context.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "tools/jixiao/ingest_request.h"
#include "tools/jixiao/json_output.h"

namespace jixiao::cli {
namespace {

void Submit(const jixiao::v1::SubmitReportRequest& request, const ServiceEndpoint& endpoint,
            bool keep_json, jixiao::v1::IngestService::StubInterface& stub,
            IngestOutcome& outcome) {
  grpc::ClientContext context;
  SetDeadline(endpoint, context);
  jixiao::v1::SubmitReportResponse response;
  outcome.sent = true;
  outcome.call_status = stub.SubmitReport(&context, request, &response);
  if (!outcome.call_status.ok()) return;
  outcome.stored_id = response.ref().report_id();
  outcome.version = response.ref().version();
  outcome.created = response.created();
  outcome.warnings = response.warnings_size();
  if (keep_json) outcome.response_json = ToStableJson(response, JsonLayout::kOneLine);
}

void Import(const jixiao::v1::ImportTargetTableRequest& request, const ServiceEndpoint& endpoint,
            bool keep_json, jixiao::v1::IngestService::StubInterface& stub,
            IngestOutcome& outcome) {
  grpc::ClientContext context;
  SetDeadline(endpoint, context);
  jixiao::v1::ImportTargetTableResponse response;
  outcome.is_target_table = true;
  outcome.sent = true;
  outcome.call_status = stub.ImportTargetTable(&context, request, &response);
  if (!outcome.call_status.ok()) return;
  outcome.stored_id = response.table_id();
  outcome.projects = response.table().projects_size();
  outcome.warnings = response.warnings_size();
  outcome.skipped_lines.assign(response.errors().begin(), response.errors().end());
  if (keep_json) outcome.response_json = ToStableJson(response, JsonLayout::kOneLine);
}

IngestOutcome IngestOne(const std::string& path, const IngestPlan& plan,
                        const ServiceEndpoint& endpoint,
                        jixiao::v1::IngestService::StubInterface& stub) {
  IngestOutcome outcome;
  outcome.path = path;
  auto request = BuildIngestRequest(path, plan.owner);
  if (!request.ok()) {
    outcome.local_error = request.status();
  } else if (const auto* submit = std::get_if<jixiao::v1::SubmitReportRequest>(&*request)) {
    Submit(*submit, endpoint, plan.keep_json, stub, outcome);
  } else {
    Import(std::get<jixiao::v1::ImportTargetTableRequest>(*request), endpoint, plan.keep_json, stub,
           outcome);
  }
  return outcome;
}

}  // namespace

std::vector<IngestOutcome> IngestFiles(const IngestPlan& plan, const ServiceEndpoint& endpoint,
                                       jixiao::v1::IngestService::StubInterface& stub,
                                       const IngestProgressCallback& on_done) {
  std::vector<IngestOutcome> outcomes(plan.files.size());
  std::atomic<size_t> next{0};
  std::mutex progress_mu;
  size_t done = 0;  // guarded by progress_mu
  // Each thread owns the outcomes of the indices it takes, so only the
  // progress callback needs the lock.
  const auto work = [&] {
    for (size_t i = next++; i < plan.files.size(); i = next++) {
      outcomes[i] = IngestOne(plan.files[i], plan, endpoint, stub);
      std::lock_guard<std::mutex> lock(progress_mu);
      ++done;
      if (on_done) on_done(done, outcomes[i]);
    }
  };
  const size_t threads =
      std::min(plan.files.size(), static_cast<size_t>(std::max(1, plan.concurrency)));
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (size_t t = 0; t < threads; ++t) workers.emplace_back(work);
  for (auto& worker : workers) worker.join();
  return outcomes;
}

}  // namespace jixiao::cli
