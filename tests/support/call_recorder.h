#pragma once

// What a test's server was asked, seen from the server: how many calls of each method, how
// many request messages each call carried (a stream's reports), and how many calls were in
// flight at once. It observes a real service instead of a fake that counts for itself:
//
//   CallRecorder calls;
//   runner.AddInterceptor(calls.Interceptor());  // before Start; `calls` outlives the server
//
// A call is in flight from its arrival until its status is sent. grpc.health.v1 calls,
// which client channels make on their own to check health, are not recorded. Thread-safe.

#include <grpcpp/support/server_interceptor.h>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace jixiao::testing {

class CallRecorder {
 public:
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> Interceptor();

  // Calls of `method` ("/jixiao.v1.IngestService/SubmitReport") that have arrived.
  int calls(absl::string_view method) const;
  // The request messages of each answered call of `method`, in the order they were answered.
  std::vector<int> messages_per_call(absl::string_view method) const;
  // The most calls in flight at the same time.
  int max_in_flight() const;
  // Waits until `count` calls are in flight; false after `timeout`.
  bool WaitForInFlight(int count, absl::Duration timeout);

 private:
  class Recording;
  class Factory;

  void Arrived(const std::string& method);
  void Answered(const std::string& method, int messages);

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, int, std::less<>> calls_;                  // guarded by mu_
  std::map<std::string, std::vector<int>, std::less<>> messages_;  // guarded by mu_
  int in_flight_ = 0;                                              // guarded by mu_
  int max_in_flight_ = 0;                                          // guarded by mu_
};

}  // namespace jixiao::testing
