#include "tests/support/worker_pool_filler.h"

#include <condition_variable>
#include <mutex>
#include <utility>

namespace jixiao::testing {

struct WorkerPoolFiller::Tasks {
  std::mutex mu;
  std::condition_variable ended;
  int running = 0;  // guarded by mu: tasks submitted and not yet ended
};

WorkerPoolFiller::WorkerPoolFiller(WorkerPool& pool, Fill fill)
    : tasks_(std::make_shared<Tasks>()) {
  std::shared_future<void> released = release_.get_future().share();
  for (size_t i = 0; i < pool.thread_count(); ++i) {
    auto started = std::make_shared<std::promise<void>>();
    std::future<void> running = started->get_future();
    ok_ = ok_ && Submit(pool, [started, released] {
            started->set_value();
            released.wait();
          });
    if (ok_) running.wait();
  }
  while (fill == Fill::kWorkersAndQueue && ok_ && pool.queued() < pool.queue_capacity()) {
    ok_ = Submit(pool, [released] { released.wait(); });
  }
}

void WorkerPoolFiller::Release() {
  if (released_) return;
  released_ = true;
  release_.set_value();
  std::unique_lock<std::mutex> lock(tasks_->mu);
  tasks_->ended.wait(lock, [this] { return tasks_->running == 0; });
}

bool WorkerPoolFiller::Submit(WorkerPool& pool, std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(tasks_->mu);
    ++tasks_->running;
  }
  const bool queued = pool.Submit([tasks = tasks_, task = std::move(task)] {
    task();
    std::lock_guard<std::mutex> lock(tasks->mu);
    --tasks->running;
    tasks->ended.notify_all();
  });
  if (!queued) {
    std::lock_guard<std::mutex> lock(tasks_->mu);
    --tasks_->running;
  }
  return queued;
}

}  // namespace jixiao::testing
