#include "common/platform/worker_pool/worker_pool.h"

#include <atomic>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace jixiao {
namespace {

// Occupies a worker until the test releases it. WaitUntilStarted() returns once
// a worker has taken the task off the queue. The destructor releases the task,
// so that a failed assertion never leaves a pool joining a blocked worker.
class Blocker {
 public:
  Blocker() : state_(std::make_shared<State>()) {}
  ~Blocker() { Release(); }

  std::function<void()> Task() {
    return [state = state_] {
      state->started.set_value();
      state->released.wait();
    };
  }
  void WaitUntilStarted() { state_->started_future.wait(); }
  void Release() {
    if (!state_->release_sent) {
      state_->release_sent = true;
      state_->release.set_value();
    }
  }

 private:
  struct State {
    std::promise<void> started;
    std::future<void> started_future = started.get_future();
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    bool release_sent = false;  // touched by the test thread only
  };
  std::shared_ptr<State> state_;
};

TEST(WorkerPoolTest, RefusesWorkWhenTheQueueIsFull) {
  WorkerPool pool(/*threads=*/1, /*queue_capacity=*/2);
  Blocker blocker;
  ASSERT_TRUE(pool.Submit(blocker.Task()));
  blocker.WaitUntilStarted();  // the only worker is busy, the queue empty

  std::atomic<int> ran{0};
  EXPECT_TRUE(pool.Submit([&ran] { ++ran; }));
  EXPECT_TRUE(pool.Submit([&ran] { ++ran; }));
  EXPECT_EQ(pool.queued(), 2u);
  EXPECT_FALSE(pool.Submit([&ran] { ran += 100; })) << "a third task exceeds the queue";

  blocker.Release();
  pool.Shutdown();
  EXPECT_EQ(ran.load(), 2) << "the refused task must never run";
}

TEST(WorkerPoolTest, RunsEveryTaskSubmittedFromManyThreads) {
  constexpr int kProducers = 4;
  constexpr int kTasksEach = 500;
  WorkerPool pool(/*threads=*/3, /*queue_capacity=*/kProducers * kTasksEach);
  std::atomic<int> ran{0};
  std::atomic<int> accepted{0};
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&] {
      for (int i = 0; i < kTasksEach; ++i) {
        if (pool.Submit([&ran] { ++ran; })) ++accepted;
      }
    });
  }
  for (std::thread& producer : producers) producer.join();
  pool.Shutdown();
  EXPECT_EQ(accepted.load(), kProducers * kTasksEach);
  EXPECT_EQ(ran.load(), accepted.load());
}

TEST(WorkerPoolTest, ShutdownRunsWorkStillQueuedWhenItWasCalled) {
  WorkerPool pool(/*threads=*/1, /*queue_capacity=*/10);
  Blocker blocker;
  ASSERT_TRUE(pool.Submit(blocker.Task()));
  blocker.WaitUntilStarted();
  std::atomic<int> ran{0};
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(pool.Submit([&ran] { ++ran; }));

  // Closed with all ten tasks still queued behind the blocked worker.
  pool.Close();
  EXPECT_FALSE(pool.Submit([&ran] { ran += 100; })) << "a closed pool takes no new work";
  EXPECT_EQ(pool.queued(), 10u);

  blocker.Release();
  pool.Shutdown();
  EXPECT_EQ(ran.load(), 10);
  EXPECT_EQ(pool.queued(), 0u);
}

TEST(WorkerPoolTest, DestructorDrainsQueuedWork) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(/*threads=*/1, /*queue_capacity=*/8);
    Blocker blocker;
    ASSERT_TRUE(pool.Submit(blocker.Task()));
    blocker.WaitUntilStarted();
    for (int i = 0; i < 8; ++i) ASSERT_TRUE(pool.Submit([&ran] { ++ran; }));
    blocker.Release();
  }
  EXPECT_EQ(ran.load(), 8);
}

TEST(WorkerPoolTest, ShutdownIsIdempotentAndRefusesLaterWork) {
  WorkerPool pool(/*threads=*/2, /*queue_capacity=*/4);
  pool.Shutdown();
  pool.Shutdown();
  EXPECT_FALSE(pool.Submit([] {}));
}

TEST(WorkerPoolTest, ConcurrentShutdownCallsBothReturnAfterTheDrain) {
  WorkerPool pool(/*threads=*/1, /*queue_capacity=*/4);
  Blocker blocker;
  ASSERT_TRUE(pool.Submit(blocker.Task()));
  blocker.WaitUntilStarted();
  std::atomic<int> ran{0};
  ASSERT_TRUE(pool.Submit([&ran] { ++ran; }));
  std::thread first([&pool] { pool.Shutdown(); });
  std::thread second([&pool] { pool.Shutdown(); });
  blocker.Release();
  first.join();
  second.join();
  EXPECT_EQ(ran.load(), 1);
}

TEST(WorkerPoolTest, ReportsItsSize) {
  WorkerPool pool(/*threads=*/3, /*queue_capacity=*/7);
  EXPECT_EQ(pool.thread_count(), 3u);
  EXPECT_EQ(pool.queue_capacity(), 7u);
}

}  // namespace
}  // namespace jixiao
