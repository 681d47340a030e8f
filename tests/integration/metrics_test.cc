// Each service's Prometheus endpoint, scraped over HTTP as Prometheus would
// while the stack runs: the request, latency, cache, store and degraded series
// move exactly with the calls the test makes.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/support/metrics_scrape.h"

namespace jixiao::testing {
namespace {

constexpr char kIngest[] = "jixiao.v1.IngestService";
constexpr char kQuery[] = "jixiao.v1.QueryService";
constexpr char kScoring[] = "jixiao.v1.ScoringService";

class MetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StackOptions options;
    options.service_flags = {"--metrics-listen=127.0.0.1:0"};
    absl::StatusOr<std::unique_ptr<ServiceStack>> stack = ServiceStack::Start(options);
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = *std::move(stack);
  }

  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  // The exposition of `service` now; fails the test when it cannot be read.
  std::string Scrape(Service service) {
    // The port the service logged: `event=metrics_listening ... port=N`.
    static const std::regex kLine("event=metrics_listening[^\\n]* port=([0-9]+)");
    std::smatch match;
    const std::string log = stack_->process(service)->Log();
    if (!std::regex_search(log, match, kLine)) {
      ADD_FAILURE() << "no metrics_listening line in the log";
      return "";
    }
    absl::StatusOr<std::string> body = ScrapeMetrics(std::stoi(match[1]));
    if (!body.ok()) {
      ADD_FAILURE() << body.status();
      return "";
    }
    return *body;
  }

  static double Requests(const std::string& exposition, const char* service, const char* method,
                         const char* code) {
    return SumSamples(exposition, "jixiao_grpc_server_requests_total",
                      {{"grpc_service", service}, {"grpc_method", method}, {"grpc_code", code}});
  }

  static double Timed(const std::string& exposition, const char* service, const char* method) {
    return SumSamples(exposition, "jixiao_grpc_server_request_duration_seconds_count",
                      {{"grpc_service", service}, {"grpc_method", method}});
  }

  std::vector<std::string> Submit(int count) {
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
      v1::ReportRef ref;
      const grpc::Status status = SubmitDistinct(*stack_, i, &ref);
      EXPECT_TRUE(status.ok()) << status.error_message();
      ids.push_back(ref.report_id());
    }
    return ids;
  }

  std::unique_ptr<ServiceStack> stack_;
};

TEST_F(MetricsTest, EveryServiceCountsItsCallsByMethodAndCode) {
  const std::vector<std::string> ids = Submit(3);
  for (int round = 0; round < 2; ++round) {  // the second round is served from the cache
    for (const std::string& id : ids) {
      v1::GetScoreCardResponse card;
      EXPECT_TRUE(QueryScoreCard(*stack_, id, &card).ok());
    }
  }
  v1::GetScoreCardResponse unknown;
  EXPECT_EQ(
      QueryScoreCard(*stack_, "440106:no-such-department/2023/department", &unknown).error_code(),
      grpc::StatusCode::NOT_FOUND);

  const std::string ingest = Scrape(Service::kIngest);
  EXPECT_EQ(Requests(ingest, kIngest, "SubmitReport", "OK"), 3);
  EXPECT_EQ(Timed(ingest, kIngest, "SubmitReport"), 3);
  // Three acknowledged reports, each durably committed in some batch.
  EXPECT_EQ(SumSamples(ingest, "jixiao_ingest_commit_batch_size_sum"), 3);
  EXPECT_GE(SumSamples(ingest, "jixiao_store_operation_duration_seconds_count",
                       {{"operation", "put_reports"}}),
            1);
  EXPECT_EQ(SumSamples(ingest, "jixiao_build_info"), 1);
  EXPECT_TRUE(HasSamples(ingest, "jixiao_worker_queue_depth"));
  EXPECT_EQ(SumSamples(ingest, "jixiao_worker_rejections_total"), 0);

  const std::string query = Scrape(Service::kQuery);
  EXPECT_EQ(Requests(query, kQuery, "GetScoreCard", "OK"), 6);
  EXPECT_EQ(Requests(query, kQuery, "GetScoreCard", "NOT_FOUND"), 1);
  EXPECT_EQ(Timed(query, kQuery, "GetScoreCard"), 7);
  EXPECT_GE(SumSamples(query, "jixiao_cache_lookups_total", {{"result", "hit"}}), 3)
      << "the second round's cards";
  EXPECT_EQ(SumSamples(query, "jixiao_cache_lookups_total", {{"result", "error"}}), 0);
  EXPECT_EQ(SumSamples(query, "jixiao_degraded_answers_total"), 0);
  EXPECT_GT(SumSamples(query, "jixiao_redis_command_duration_seconds_count"), 0);
  EXPECT_EQ(SumSamples(query, "jixiao_redis_circuit_open"), 0);
  EXPECT_EQ(SumSamples(query, "jixiao_grpc_server_in_flight_requests"), 0);

  // Query asked scoring for each card the cache did not hold yet.
  const std::string scoring = Scrape(Service::kScoring);
  EXPECT_GE(Requests(scoring, kScoring, "ScoreReport", "OK"), 3);
  EXPECT_EQ(Requests(scoring, kScoring, "ScoreReport", "INTERNAL"), 0);
}

TEST_F(MetricsTest, AnswersWithoutRedisAreCountedDegradedAndTheCircuitOpen) {
  const std::vector<std::string> ids = Submit(2);
  for (const std::string& id : ids) {
    v1::GetScoreCardResponse card;
    ASSERT_TRUE(QueryScoreCard(*stack_, id, &card).ok());
  }
  const double degraded_before = SumSamples(
      Scrape(Service::kQuery), "jixiao_degraded_answers_total", {{"grpc_method", "GetScoreCard"}});
  EXPECT_EQ(degraded_before, 0);

  stack_->redis().Kill();
  constexpr int kCalls = 4;
  for (int i = 0; i < kCalls; ++i) {
    v1::GetScoreCardResponse card;
    ASSERT_TRUE(QueryScoreCard(*stack_, ids[i % ids.size()], &card).ok());
    EXPECT_TRUE(card.freshness().degraded());
  }
  const std::string query = Scrape(Service::kQuery);
  EXPECT_EQ(SumSamples(query, "jixiao_degraded_answers_total", {{"grpc_method", "GetScoreCard"}}),
            kCalls);
  EXPECT_EQ(SumSamples(query, "jixiao_redis_circuit_open"), 1);
  EXPECT_GE(SumSamples(query, "jixiao_cache_lookups_total", {{"result", "error"}}), 1);
}

}  // namespace
}  // namespace jixiao::testing
