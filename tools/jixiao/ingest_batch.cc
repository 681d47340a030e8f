#include "tools/jixiao/ingest_batch.h"

#include <grpcpp/client_context.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "tools/jixiao/json_output.h"
#include "tools/jixiao/rich_status.h"

namespace jixiao::cli {
namespace {

using jixiao::v1::ImportTargetTableRequest;
using jixiao::v1::SubmitReportRequest;
using jixiao::v1::SubmitReportResponse;

// What the answer for a stored report says, whether it came from
// SubmitReport or as an item of a SubmitReports stream.
void RecordStored(const SubmitReportResponse& response, bool keep_json, IngestOutcome& outcome) {
  outcome.stored_id = response.ref().report_id();
  outcome.version = response.ref().version();
  outcome.created = response.created();
  outcome.warnings = response.warnings_size();
  if (keep_json) outcome.response_json = ToStableJson(response, JsonLayout::kOneLine);
}

// An item of a SubmitReports stream as SubmitReport would have answered it,
// so that --json prints the same line either way.
SubmitReportResponse AsSubmitReportResponse(const jixiao::v1::SubmitReportsItemResult& result) {
  SubmitReportResponse response;
  *response.mutable_ref() = result.ref();
  response.set_created(result.created());
  *response.mutable_warnings() = result.warnings();
  return response;
}

void Submit(const SubmitReportRequest& request, const ServiceEndpoint& endpoint, bool keep_json,
            jixiao::v1::IngestService::StubInterface& stub, IngestOutcome& outcome) {
  grpc::ClientContext context;
  SetDeadline(endpoint, context);
  SubmitReportResponse response;
  outcome.sent = true;
  outcome.call_status = stub.SubmitReport(&context, request, &response);
  if (outcome.call_status.ok()) RecordStored(response, keep_json, outcome);
}

void Import(const ImportTargetTableRequest& request, const ServiceEndpoint& endpoint,
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

IngestOutcome OutcomeFor(const IngestInput& input) {
  IngestOutcome outcome;
  outcome.path = input.path;
  outcome.line = input.line;
  return outcome;
}

// One input with a call of its own, or why it was not sent.
IngestOutcome SendAlone(const IngestInput& input, const absl::StatusOr<IngestRequest>& request,
                        const IngestPlan& plan, const ServiceEndpoint& endpoint,
                        jixiao::v1::IngestService::StubInterface& stub) {
  IngestOutcome outcome = OutcomeFor(input);
  if (!request.ok()) {
    outcome.local_error = request.status();
  } else if (const auto* submit = std::get_if<SubmitReportRequest>(&*request)) {
    Submit(*submit, endpoint, plan.keep_json, stub, outcome);
  } else {
    Import(std::get<ImportTargetTableRequest>(*request), endpoint, plan.keep_json, stub, outcome);
  }
  return outcome;
}

// The outcomes by input, filled by several threads, and the progress callback.
class Outcomes {
 public:
  Outcomes(size_t count, const IngestProgressCallback& on_done)
      : outcomes_(count), on_done_(on_done) {}

  // Each index is recorded once, by the thread whose work it is, so only the
  // progress callback needs the lock.
  void Record(size_t index, IngestOutcome outcome) {
    outcomes_[index] = std::move(outcome);
    std::lock_guard<std::mutex> lock(progress_mu_);
    ++done_;
    if (on_done_) on_done_(done_, outcomes_[index]);
  }

  std::vector<IngestOutcome> Take() { return std::move(outcomes_); }

 private:
  std::vector<IngestOutcome> outcomes_;
  const IngestProgressCallback& on_done_;
  std::mutex progress_mu_;
  size_t done_ = 0;  // guarded by progress_mu_
};

// The inputs [begin, end): their reports on one SubmitReports stream, opened
// at the first report, and the rest (target tables, inputs that cannot be
// read) as SendAlone does. Reports are read one at a time as the stream takes
// them, so a run never holds more than one in memory.
void SendRun(const IngestPlan& plan, size_t begin, size_t end, const ServiceEndpoint& endpoint,
             jixiao::v1::IngestService::StubInterface& stub, Outcomes& outcomes) {
  grpc::ClientContext context;
  SetDeadline(endpoint, context);
  jixiao::v1::SubmitReportsResponse response;
  std::unique_ptr<grpc::ClientWriterInterface<SubmitReportRequest>> stream;
  bool writable = true;
  std::vector<size_t> streamed;  // the input of each report sent, in stream order
  for (size_t i = begin; i < end; ++i) {
    const IngestInput& input = plan.inputs[i];
    absl::StatusOr<IngestRequest> request = BuildIngestRequest(input, plan.owner);
    if (!request.ok() || !std::holds_alternative<SubmitReportRequest>(*request)) {
      outcomes.Record(i, SendAlone(input, request, plan, endpoint, stub));
      continue;
    }
    if (stream == nullptr) stream = stub.SubmitReports(&context, &response);
    // A failed write means the stream is broken; Finish says why, and that
    // goes for every report meant for it.
    writable = writable && stream->Write(std::get<SubmitReportRequest>(*request));
    streamed.push_back(i);
  }
  if (stream == nullptr) return;
  if (writable) stream->WritesDone();
  const grpc::Status status = stream->Finish();
  for (size_t k = 0; k < streamed.size(); ++k) {
    IngestOutcome outcome = OutcomeFor(plan.inputs[streamed[k]]);
    outcome.sent = true;
    if (!status.ok()) {
      outcome.call_status = status;
    } else if (k >= static_cast<size_t>(response.results_size()) ||
               response.results(static_cast<int>(k)).index() != static_cast<int>(k)) {
      outcome.call_status = grpc::Status(grpc::StatusCode::INTERNAL,
                                         "the service's answer has no result for this report");
    } else {
      const jixiao::v1::SubmitReportsItemResult& result = response.results(static_cast<int>(k));
      outcome.call_status = ItemStatus(result);
      if (outcome.call_status.ok()) {
        RecordStored(AsSubmitReportResponse(result), plan.keep_json, outcome);
      }
    }
    outcomes.Record(streamed[k], std::move(outcome));
  }
}

// Runs work(0) … work(count - 1), each once, on at most `concurrency` threads.
void RunOnThreads(size_t count, int concurrency, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  const auto loop = [&] {
    for (size_t i = next++; i < count; i = next++) work(i);
  };
  const size_t threads = std::min(count, static_cast<size_t>(std::max(1, concurrency)));
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (size_t t = 0; t < threads; ++t) workers.emplace_back(loop);
  for (auto& worker : workers) worker.join();
}

}  // namespace

std::vector<IngestOutcome> IngestInputs(const IngestPlan& plan, const ServiceEndpoint& endpoint,
                                        jixiao::v1::IngestService::StubInterface& stub,
                                        const IngestProgressCallback& on_done) {
  const size_t count = plan.inputs.size();
  Outcomes outcomes(count, on_done);
  if (!plan.bulk) {
    RunOnThreads(count, plan.concurrency, [&](size_t i) {
      const IngestInput& input = plan.inputs[i];
      outcomes.Record(
          i, SendAlone(input, BuildIngestRequest(input, plan.owner), plan, endpoint, stub));
    });
    return outcomes.Take();
  }
  const size_t per_stream = static_cast<size_t>(std::max(1, plan.reports_per_stream));
  RunOnThreads((count + per_stream - 1) / per_stream, plan.concurrency, [&](size_t run) {
    SendRun(plan, run * per_stream, std::min(count, (run + 1) * per_stream), endpoint, stub,
            outcomes);
  });
  return outcomes.Take();
}

}  // namespace jixiao::cli
