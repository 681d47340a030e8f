#include "services/ingest/service/report_commit_queue.h"

#include <utility>
#include <vector>

namespace jixiao::ingest {

ReportCommitQueue::ReportCommitQueue(ReportStore* store, size_t max_batch)
    : store_(store), max_batch_(max_batch == 0 ? 1 : max_batch), committer_([this] { Run(); }) {}

ReportCommitQueue::~ReportCommitQueue() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  committer_.join();
}

void ReportCommitQueue::Submit(ReportToStore report, Done done) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back({std::move(report), std::move(done)});
  }
  wake_.notify_one();
}

void ReportCommitQueue::Run() {
  for (;;) {
    std::vector<Pending> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything is committed
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<ReportToStore> reports;
    reports.reserve(batch.size());
    for (auto& pending : batch) reports.push_back(std::move(pending.report));
    auto outcomes = store_->PutReports(reports);
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!outcomes.ok()) {
        batch[i].done(outcomes.status());
      } else {
        batch[i].done(std::move((*outcomes)[i]));
      }
    }
  }
}

}  // namespace jixiao::ingest
