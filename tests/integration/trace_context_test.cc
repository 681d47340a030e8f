// W3C trace context across the three services: each service's log line of
// its part of a request carries the same trace_id, the caller's when it sent a
// traceparent, else one the first service started. With Redis gone, query
// asks scoring for every card; scoring asked for the latest card asks ingest
// which version that is.

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"

namespace jixiao::testing {
namespace {

constexpr char kTraceId[] = "4bf92f3577b34da6a3ce929d0e0e4736";

class TraceContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<ServiceStack>> stack = ServiceStack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = *std::move(stack);
  }

  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  // A report of its own, not yet scored: its card takes the whole chain.
  std::string Submit(int index) {
    v1::ReportRef ref;
    const grpc::Status status = SubmitDistinct(*stack_, index, &ref);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return ref.report_id();
  }

  grpc::Status GetCard(const std::string& report_id, const std::string& traceparent) {
    std::unique_ptr<grpc::ClientContext> context = CallContext(absl::Seconds(20));
    if (!traceparent.empty()) context->AddMetadata("traceparent", traceparent);
    v1::GetScoreCardRequest request;
    request.set_report_id(report_id);
    request.mutable_scheme()->set_id("guangzhou-department");
    v1::GetScoreCardResponse card;
    return stack_->query().GetScoreCard(context.get(), request, &card);
  }

  // The trace ids of `service`'s rpc log lines of `method`.
  std::set<std::string> TraceIds(Service service, const std::string& method) {
    const std::regex line("event=rpc method=" + method + " [^\\n]*trace_id=([0-9a-f]{32})");
    std::set<std::string> ids;
    const std::string log = stack_->process(service)->Log();
    for (auto it = std::sregex_iterator(log.begin(), log.end(), line); it != std::sregex_iterator();
         ++it) {
      ids.insert((*it)[1]);
    }
    return ids;
  }

  // Whether `service` logs `method` with `trace_id`. The line is written before
  // the answer leaves the server, but read from the child's stderr by a
  // thread of the test: allowed a few seconds to arrive.
  bool Logged(Service service, const std::string& method, const std::string& trace_id) {
    return PollUntil([&] { return TraceIds(service, method).count(trace_id) == 1; },
                     absl::Seconds(5));
  }

  std::unique_ptr<ServiceStack> stack_;
};

constexpr char kGetScoreCard[] = "/jixiao.v1.QueryService/GetScoreCard";
constexpr char kScoreReport[] = "/jixiao.v1.ScoringService/ScoreReport";
constexpr char kGetReport[] = "/jixiao.v1.IngestService/GetReport";

TEST_F(TraceContextTest, QueryPassesTheCallersTraceToScoring) {
  const std::string id = Submit(0);
  stack_->redis().Kill();  // no cache: query asks scoring
  ASSERT_TRUE(GetCard(id, std::string("00-") + kTraceId + "-00f067aa0ba902b7-01").ok());
  EXPECT_TRUE(Logged(Service::kQuery, kGetScoreCard, kTraceId));
  EXPECT_TRUE(Logged(Service::kScoring, kScoreReport, kTraceId));
}

TEST_F(TraceContextTest, ScoringPassesTheCallersTraceToIngest) {
  const std::string id = Submit(0);
  std::unique_ptr<grpc::ClientContext> context = CallContext(absl::Seconds(20));
  context->AddMetadata("traceparent", std::string("00-") + kTraceId + "-00f067aa0ba902b7-01");
  v1::ScoreReportRequest request;
  request.mutable_report()->set_report_id(id);  // version 0: the latest, which ingest knows
  v1::ScoreReportResponse scored;
  ASSERT_TRUE(stack_->scoring().ScoreReport(context.get(), request, &scored).ok());
  EXPECT_TRUE(Logged(Service::kScoring, kScoreReport, kTraceId));
  EXPECT_TRUE(Logged(Service::kIngest, kGetReport, kTraceId));
}

TEST_F(TraceContextTest, WithoutATraceparentQueryStartsATraceItPassesOn) {
  const std::string id = Submit(1);
  stack_->redis().Kill();
  // A malformed header counts as none.
  ASSERT_TRUE(GetCard(id, "00-not-a-trace").ok());
  std::set<std::string> query;
  ASSERT_TRUE(PollUntil([&] { return !(query = TraceIds(Service::kQuery, kGetScoreCard)).empty(); },
                        absl::Seconds(5)));
  ASSERT_EQ(query.size(), 1);
  EXPECT_TRUE(Logged(Service::kScoring, kScoreReport, *query.begin()));
}

}  // namespace
}  // namespace jixiao::testing
