#pragma once
// Background rescoring: once a new report version is acknowledged, scoring is
// asked to compute its scorecards (one per configured scheme), so that the
// first query finds them cached. Failed calls are retried with exponential
// backoff; a request that still fails after the last attempt is logged and
// dropped, which costs only speed: a query that misses the cache computes the
// card itself.
//
// The queue is bounded; when it is full, new requests are dropped with a log
// line for the same reason. Requests run on a few threads of their own with
// synchronous calls, never on a gRPC or worker-pool thread.
#include <grpcpp/channel.h>

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/time.h"
#include "common/platform/logging/logger.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"

namespace jixiao::ingest {

struct RescoreOptions {
  std::vector<std::string> scheme_ids;  // each is scored at its latest version
  int threads = 2;
  size_t queue_capacity = 10000;
  int max_attempts = 8;
  absl::Duration first_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(10);
  absl::Duration call_timeout = absl::Seconds(30);
};

class RescoreDispatcher {
 public:
  // Starts the threads; `channel` leads to the scoring service.
  RescoreDispatcher(std::shared_ptr<grpc::Channel> channel, RescoreOptions options,
                    logging::Logger logger);
  // Stops: what is still queued is dropped (it is only a cache warm-up).
  ~RescoreDispatcher();
  RescoreDispatcher(const RescoreDispatcher&) = delete;
  RescoreDispatcher& operator=(const RescoreDispatcher&) = delete;

  // Queues the scoring of `ref` under every configured scheme; returns at once.
  void Enqueue(const jixiao::v1::ReportRef& ref);

  // The same, waiting for room in the queue instead of dropping: for a background thread
  // that rescores every stored report (after Redis lost the cache) and must leave none out.
  // False, nothing queued, once the dispatcher is stopping.
  bool EnqueueWaiting(const jixiao::v1::ReportRef& ref);

  // Calls finished successfully so far (for tests and logs).
  int64_t succeeded() const;

 private:
  struct Task {
    jixiao::v1::ReportRef ref;
    std::string scheme_id;
    int attempt = 0;
  };
  void Run();
  // One attempt; true when done (success or given up).
  bool Attempt(Task& task);

  const std::shared_ptr<grpc::Channel> channel_;
  const std::unique_ptr<jixiao::v1::ScoringService::Stub> stub_;
  const RescoreOptions options_;
  const logging::Logger logger_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable room_;  // a task left the queue
  // Guarded by mu_. Ordered by due time: a retry waits for its backoff while
  // fresh tasks go ahead.
  std::multimap<absl::Time, Task> queue_;
  bool stopping_ = false;  // guarded by mu_
  int64_t succeeded_ = 0;  // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace jixiao::ingest
