#pragma once

// A fixed set of threads with a bounded queue, for the blocking work (database,
// Redis) that gRPC callback threads must never do themselves. A full queue
// refuses new work instead of growing, so overload turns into
// RESOURCE_EXHAUSTED answers rather than unbounded memory and latency.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace jixiao {

class WorkerPool {
 public:
  // Starts `threads` workers; at most `queue_capacity` tasks wait for a free
  // worker. Both must be at least 1 (configuration checks this first).
  WorkerPool(size_t threads, size_t queue_capacity);

  // Shutdown(): queued work still runs before the threads are joined.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` to run on a worker. Returns false, without running it, when
  // the queue is full or the pool is closed. Tasks must not throw.
  bool Submit(std::function<void()> task);

  // Refuses further Submit calls; work already queued still runs. Returns at once.
  void Close();

  // Close(), then wait until every queued task has run and join the threads.
  // Idempotent; must not be called from one of the pool's own tasks.
  void Shutdown();

  size_t thread_count() const { return thread_count_; }
  size_t queue_capacity() const { return queue_capacity_; }

  // Tasks waiting for a worker (not counting those running), for logs and metrics.
  size_t queued() const;

 private:
  void WorkLoop();
  bool IsWorkerThread() const;

  const size_t thread_count_;
  const size_t queue_capacity_;

  mutable std::mutex mu_;
  std::condition_variable work_available_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool closed_ = false;                      // guarded by mu_

  std::mutex join_mu_;  // serializes Shutdown callers while threads are joined
  std::vector<std::thread> threads_;
  // Kept apart from threads_ because join() resets a std::thread's id while
  // another caller may be asking whether it runs on a worker.
  std::vector<std::thread::id> worker_ids_;
};

}  // namespace jixiao
