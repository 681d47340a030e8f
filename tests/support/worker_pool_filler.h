#pragma once

// Occupies every worker of a pool, and with kWorkersAndQueue fills its queue too, until
// released (at the latest on destruction, so that a failed assertion never hangs the pool):
// what a test needs to see a server's answer to a busy or a full pool. Release returns once
// every task it submitted has ended, so the pool takes work again.

#include <future>
#include <memory>

#include "common/platform/worker_pool/worker_pool.h"

namespace jixiao::testing {

class WorkerPoolFiller {
 public:
  enum class Fill { kWorkers, kWorkersAndQueue };

  explicit WorkerPoolFiller(WorkerPool& pool, Fill fill = Fill::kWorkersAndQueue);
  ~WorkerPoolFiller() { Release(); }
  WorkerPoolFiller(const WorkerPoolFiller&) = delete;
  WorkerPoolFiller& operator=(const WorkerPoolFiller&) = delete;

  // Whether the pool took every task: false when something else held a worker or a slot.
  bool ok() const { return ok_; }
  void Release();

 private:
  struct Tasks;

  bool Submit(WorkerPool& pool, std::function<void()> task);

  std::shared_ptr<Tasks> tasks_;
  std::promise<void> release_;
  bool ok_ = true;
  bool released_ = false;
};

}  // namespace jixiao::testing
