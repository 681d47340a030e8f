#pragma once
// What the fault tests share: distinct reports to submit, client threads that
// keep calling while a process is killed or stopped, waiting for a condition
// with a deadline, latency percentiles, and how many departments a ranking
// holds in Redis.

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/time.h"
#include "jixiao/v1/query_service.pb.h"
#include "jixiao/v1/report.pb.h"
#include "tests/integration/service_stack.h"
#include "tests/support/redis_server.h"

namespace jixiao::testing {

// A client context with a deadline `timeout` from now. wait_for_ready: the
// call waits (within the deadline) for a connection instead of failing at once
// while the channel reconnects, for calls after a restart.
std::unique_ptr<grpc::ClientContext> CallContext(absl::Duration timeout,
                                                 bool wait_for_ready = false);

// The index-th report of a synthetic population of 2023 departments (tools/gen):
// every index a distinct report id, for indexes below 20,000.
v1::EvaluationReport DistinctReport(int index);

// Submits DistinctReport(index) to the stack's ingest; its ref when asked.
grpc::Status SubmitDistinct(ServiceStack& stack, int index, v1::ReportRef* ref = nullptr);

// GetReport of exactly that version, waiting (within 20 s) for ingest to be back.
grpc::Status GetStoredVersion(ServiceStack& stack, const v1::ReportRef& ref,
                              v1::GetReportResponse* stored);

// Query calls on the guangzhou-department scheme, each with a deadline of `timeout`.
grpc::Status QueryScoreCard(ServiceStack& stack, const std::string& report_id,
                            v1::GetScoreCardResponse* response,
                            absl::Duration timeout = absl::Seconds(10));
grpc::Status QueryCompare(ServiceStack& stack, int year, v1::CompareResponse* response,
                          absl::Duration timeout = absl::Seconds(10));
grpc::Status QueryRanking(ServiceStack& stack, int year, v1::RankingResponse* response,
                          absl::Duration timeout = absl::Seconds(10));

// Polls `done` every `interval` until it holds or `timeout` passes; whether it
// held. The interval paces the polling; it orders nothing.
bool PollUntil(const std::function<bool()>& done, absl::Duration timeout,
               absl::Duration interval = absl::Milliseconds(50));

// The q-quantile (0 < q <= 1) of `samples`, nearest rank; zero when empty.
absl::Duration Quantile(std::vector<absl::Duration> samples, double q);

// Members of the department ranking sets of `year` in Redis (complete cards
// ranked, incomplete ones kept apart): a ranking is served from Redis when
// they hold every department. -1 when Redis cannot be asked.
int64_t RankedInRedis(const RedisServer& redis, int year);

// A fixture around a SQLite stack: StartWithReports starts it, submits
// DistinctReport(0 .. count-1), whose ids go to ids_, and asks query for each
// one's card (which caches it), whose total goes to totals_, and for their
// comparison (all are of 2023). A failing test
// prints the services' logs.
class FaultStackTest : public ::testing::Test {
 protected:
  void StartWithReports(int count);
  void TearDown() override;

  std::unique_ptr<ServiceStack> stack_;
  std::vector<std::string> ids_;
  std::map<std::string, double> totals_;
};

// Threads that each call `call(thread, iteration)` over and over until Stop,
// counting the answers by status code. A call's answer counts as "late" when
// it came after MarkFault: calls a fault may fail, apart from those that ended
// before it.
class CallingThreads {
 public:
  using Call = std::function<grpc::Status(int thread, int iteration)>;

  CallingThreads(int threads, Call call);
  ~CallingThreads();  // Stop
  CallingThreads(const CallingThreads&) = delete;
  CallingThreads& operator=(const CallingThreads&) = delete;

  // From now on failures may be the fault's.
  void MarkFault() { fault_.store(true); }
  // Ends every thread after its current call, and waits for them.
  void Stop();

  int threads() const { return static_cast<int>(threads_.size()); }
  int64_t ok() const { return ok_.load(); }
  // Codes of the calls that failed before MarkFault, and after it, each with its count.
  std::map<grpc::StatusCode, int> FailedBeforeFault() const;
  std::map<grpc::StatusCode, int> FailedAfterFault() const;
  // One message of a failure before the fault, for failure messages.
  std::string FirstEarlyError() const;
  // The first message of each code that failed after the fault.
  std::map<grpc::StatusCode, std::string> LateMessages() const;

 private:
  void Run(int thread);

  const Call call_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> fault_{false};
  std::atomic<int64_t> ok_{0};
  mutable std::mutex mu_;
  std::map<grpc::StatusCode, int> early_;                  // guarded by mu_
  std::map<grpc::StatusCode, int> late_;                   // guarded by mu_
  std::string first_early_error_;                          // guarded by mu_
  std::map<grpc::StatusCode, std::string> late_messages_;  // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace jixiao::testing
