#pragma once

// A unary call made through a generated stub's callback API (stub.async()),
// for tests that must watch a call while it is still in flight. The test
// thread owns everything the call touches; the callback, on a gRPC thread,
// only records the status. The channel belongs to the test's fixture, never
// to this object (gRPC 1.51 must not lose a channel's last reference inside
// one of its callbacks).

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

#include "absl/time/time.h"

namespace jixiao::ingest::testing {

template <typename Request, typename Response>
class PendingCall {
 public:
  PendingCall() = default;
  // A call still running is cancelled, and its callback awaited, before the
  // state it writes goes away.
  ~PendingCall() {
    context.TryCancel();
    std::unique_lock<std::mutex> lock(mu_);
    finished_.wait(lock, [this] { return status_.has_value() || !started_; });
  }
  PendingCall(const PendingCall&) = delete;
  PendingCall& operator=(const PendingCall&) = delete;

  // Starts the call with `start(&context, &request, &response, callback)`,
  // e.g. [&stub](auto... args) { stub.async()->SubmitReport(args...); }.
  template <typename Start>
  void Begin(Start start) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      started_ = true;
    }
    start(&context, &request, &response, [this](grpc::Status status) {
      // Notified under the lock, so that the waiter cannot destroy the
      // condition variable before notify_all has returned.
      std::lock_guard<std::mutex> lock(mu_);
      status_ = std::move(status);
      finished_.notify_all();
    });
  }

  bool done() {
    std::lock_guard<std::mutex> lock(mu_);
    return status_.has_value();
  }

  // The call's status, or nullopt if it has not ended within `timeout`.
  std::optional<grpc::Status> Wait(absl::Duration timeout = absl::Seconds(10)) {
    std::unique_lock<std::mutex> lock(mu_);
    finished_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                       [this] { return status_.has_value(); });
    return status_;
  }

  grpc::ClientContext context;
  Request request;
  Response response;

 private:
  std::mutex mu_;
  std::condition_variable finished_;
  bool started_ = false;                // guarded by mu_
  std::optional<grpc::Status> status_;  // guarded by mu_
};

}  // namespace jixiao::ingest::testing
