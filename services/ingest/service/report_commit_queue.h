#pragma once

// Group commit for submitted reports. A durable commit costs one fsync however
// many reports it holds, so reports that arrive while a commit is running wait
// and go together in the next one. Callers are never blocked: each submission
// carries a callback that runs (on the committer thread) once its report is
// durably stored or has failed, which is when the gRPC reactor may finish.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "absl/status/statusor.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

class ReportCommitQueue {
 public:
  using Done = std::function<void(absl::StatusOr<PutOutcome>)>;

  // `store` must outlive the queue. At most `max_batch` reports go in one commit.
  ReportCommitQueue(ReportStore* store, size_t max_batch);
  // Commits what is queued, then stops.
  ~ReportCommitQueue();

  ReportCommitQueue(const ReportCommitQueue&) = delete;
  ReportCommitQueue& operator=(const ReportCommitQueue&) = delete;

  // Queues a normalized report; `done` runs exactly once.
  void Submit(ReportToStore report, Done done);

 private:
  struct Pending {
    ReportToStore report;
    Done done;
  };

  void Run();

  ReportStore* const store_;
  const size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread committer_;
};

}  // namespace jixiao::ingest
