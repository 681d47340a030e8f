#include "services/query/score_report_fan_out.h"

#include <condition_variable>
#include <memory>
#include <mutex>

namespace jixiao::query {
namespace {

// What a callback touches besides its own call: shared, so that it stays valid
// for a callback still returning after the waiter has moved on.
struct Progress {
  std::mutex mu;
  std::condition_variable changed;
  int in_flight = 0;  // guarded by mu
};

struct PendingCall {
  std::unique_ptr<grpc::ClientContext> context;
  jixiao::v1::ScoreReportResponse response;
  grpc::Status status;
};

}  // namespace

std::vector<ScoreReportOutcome> ScoreReportsConcurrently(
    jixiao::v1::ScoringService::Stub& stub, const QueryCall& call,
    const std::vector<jixiao::v1::ScoreReportRequest>& requests, int max_in_flight) {
  const auto deadline = call.DownstreamWaitDeadline();
  auto progress = std::make_shared<Progress>();
  std::vector<std::unique_ptr<PendingCall>> calls;
  calls.reserve(requests.size());

  bool expired = false;
  std::unique_lock<std::mutex> lock(progress->mu);
  while (calls.size() < requests.size()) {
    if (!progress->changed.wait_until(lock, deadline,
                                      [&] { return progress->in_flight < max_in_flight; })) {
      expired = true;
      break;
    }
    ++progress->in_flight;
    lock.unlock();
    auto pending = std::make_unique<PendingCall>();
    pending->context = call.NewDownstreamContext();
    PendingCall* raw = pending.get();
    calls.push_back(std::move(pending));
    stub.async()->ScoreReport(raw->context.get(), &requests[calls.size() - 1], &raw->response,
                              [progress, raw](grpc::Status status) {
                                raw->status = std::move(status);
                                std::lock_guard<std::mutex> guard(progress->mu);
                                --progress->in_flight;
                                progress->changed.notify_all();
                              });
    lock.lock();
  }
  auto all_done = [&] { return progress->in_flight == 0; };
  if (!expired && !progress->changed.wait_until(lock, deadline, all_done)) expired = true;
  if (expired) {
    // TryCancel is harmless on a call that already ended.
    for (const std::unique_ptr<PendingCall>& pending : calls) pending->context->TryCancel();
  }
  progress->changed.wait(lock, all_done);
  lock.unlock();

  std::vector<ScoreReportOutcome> outcomes(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    if (i < calls.size()) {
      outcomes[i].status = std::move(calls[i]->status);
      outcomes[i].response = std::move(calls[i]->response);
    } else {
      outcomes[i].status =
          grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "not started before the deadline");
    }
  }
  return outcomes;
}

}  // namespace jixiao::query
