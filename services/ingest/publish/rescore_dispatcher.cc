#include "services/ingest/publish/rescore_dispatcher.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "absl/time/clock.h"

namespace jixiao::ingest {

RescoreDispatcher::RescoreDispatcher(std::shared_ptr<grpc::Channel> channel, RescoreOptions options,
                                     logging::Logger logger)
    : channel_(std::move(channel)),
      stub_(jixiao::v1::ScoringService::NewStub(channel_)),
      options_(std::move(options)),
      logger_(logger) {
  for (int i = 0; i < std::max(1, options_.threads); ++i) threads_.emplace_back([this] { Run(); });
}

RescoreDispatcher::~RescoreDispatcher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  room_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void RescoreDispatcher::Enqueue(const jixiao::v1::ReportRef& ref) {
  size_t dropped = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const absl::Time now = absl::Now();
    for (const std::string& scheme_id : options_.scheme_ids) {
      if (queue_.size() >= options_.queue_capacity) {
        ++dropped;
        continue;
      }
      queue_.emplace(now, Task{ref, scheme_id, 0});
    }
  }
  wake_.notify_all();
  if (dropped > 0) {
    logger_.Warn(
        "rescore_dropped",
        {{"report", ref.report_id()}, {"version", ref.version()}, {"reason", "queue full"}});
  }
}

bool RescoreDispatcher::EnqueueWaiting(const jixiao::v1::ReportRef& ref) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    for (const std::string& scheme_id : options_.scheme_ids) {
      room_.wait(lock, [this] { return stopping_ || queue_.size() < options_.queue_capacity; });
      if (stopping_) return false;
      queue_.emplace(absl::Now(), Task{ref, scheme_id, 0});
    }
  }
  wake_.notify_all();
  return true;
}

int64_t RescoreDispatcher::succeeded() const {
  std::lock_guard<std::mutex> lock(mu_);
  return succeeded_;
}

void RescoreDispatcher::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (stopping_) return;
    if (queue_.empty()) {
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      continue;
    }
    const absl::Time due = queue_.begin()->first;
    if (due > absl::Now()) {
      wake_.wait_for(lock, absl::ToChronoNanoseconds(due - absl::Now()));
      continue;
    }
    Task task = std::move(queue_.begin()->second);
    queue_.erase(queue_.begin());
    room_.notify_one();
    lock.unlock();
    const bool done = Attempt(task);
    lock.lock();
    if (done) continue;
    const absl::Duration backoff =
        std::min(options_.max_backoff, options_.first_backoff * (int64_t{1} << (task.attempt - 1)));
    queue_.emplace(absl::Now() + backoff, std::move(task));
  }
}

bool RescoreDispatcher::Attempt(Task& task) {
  ++task.attempt;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + options_.call_timeout));
  jixiao::v1::ScoreReportRequest request;
  request.mutable_report()->set_report_id(task.ref.report_id());
  request.mutable_report()->set_version(task.ref.version());
  request.mutable_scheme()->set_id(task.scheme_id);
  jixiao::v1::ScoreReportResponse response;
  const grpc::Status status = stub_->ScoreReport(&context, request, &response);
  if (status.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    ++succeeded_;
    return true;
  }
  // Only failures that a later attempt may cure are retried.
  const bool retryable = status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                         status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
                         status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ||
                         status.error_code() == grpc::StatusCode::ABORTED ||
                         status.error_code() == grpc::StatusCode::INTERNAL;
  if (!retryable || task.attempt >= options_.max_attempts) {
    logger_.Warn("rescore_failed", {{"report", task.ref.report_id()},
                                    {"version", task.ref.version()},
                                    {"scheme", task.scheme_id},
                                    {"attempts", task.attempt},
                                    {"code", static_cast<int>(status.error_code())},
                                    {"error", status.error_message()}});
    return true;
  }
  return false;
}

}  // namespace jixiao::ingest
