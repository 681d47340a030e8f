#include "common/platform/worker_pool/worker_pool.h"

#include <pthread.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "common/platform/metrics/metrics_registry.h"

namespace jixiao {
namespace {

// Summed over the process's pools: what waits for a worker, and what found no room.
prometheus::Gauge& QueueDepth() {
  static auto& gauge =
      metrics::GaugeFamily("jixiao_worker_queue_depth", "Blocking tasks waiting for a worker")
          .Add({});
  return gauge;
}

prometheus::Counter& Rejections() {
  static auto& counter =
      metrics::CounterFamily("jixiao_worker_rejections_total",
                             "Blocking tasks refused because the worker queue was full")
          .Add({});
  return counter;
}

}  // namespace

WorkerPool::WorkerPool(size_t threads, size_t queue_capacity)
    : thread_count_(threads), queue_capacity_(queue_capacity) {
  if (threads == 0 || queue_capacity == 0) {
    std::fprintf(stderr, "WorkerPool needs at least 1 thread and a queue of 1 (got %zu, %zu)\n",
                 threads, queue_capacity);
    std::abort();
  }
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) {
    threads_.emplace_back([this] { WorkLoop(); });
    // Named so that a thread dump shows which threads do blocking I/O.
    pthread_setname_np(threads_.back().native_handle(), "jixiao-worker");
    worker_ids_.push_back(threads_.back().get_id());
  }
}

WorkerPool::~WorkerPool() { Shutdown(); }

bool WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_ || queue_.size() >= queue_capacity_) {
      Rejections().Increment();
      return false;
    }
    queue_.push_back(std::move(task));
    QueueDepth().Increment();  // under the lock: never after the worker's Decrement
  }
  work_available_.notify_one();
  return true;
}

void WorkerPool::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  work_available_.notify_all();
}

void WorkerPool::Shutdown() {
  if (IsWorkerThread()) {
    // Joining itself would deadlock: a broken invariant, not an input error.
    std::fprintf(stderr, "WorkerPool::Shutdown called from one of its own tasks\n");
    std::abort();
  }
  Close();
  std::lock_guard<std::mutex> lock(join_mu_);
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

size_t WorkerPool::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

void WorkerPool::WorkLoop() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_available_.wait(lock, [this] { return closed_ || !queue_.empty(); });
      // Closed pools drain: a worker leaves only once nothing is queued.
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      QueueDepth().Decrement();
    }
    task();
  }
}

bool WorkerPool::IsWorkerThread() const {
  const std::thread::id self = std::this_thread::get_id();
  return std::find(worker_ids_.begin(), worker_ids_.end(), self) != worker_ids_.end();
}

}  // namespace jixiao
