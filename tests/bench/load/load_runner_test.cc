// The load runner against in-process servers. The acceptance test of the load
// tool's error counting is ClosedLoopCountsEveryStatusExactly: a service that
// fails a known share of calls, and counts that must come out exact.
//
// Nothing here depends on timing: runs are bounded by --max-calls with a
// duration bound far beyond what they need, and open-loop and warm-up runs are
// checked only for counts that agree with each other and with the server.
#include "bench/load/load_runner.h"

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/load/report_json.h"
#include "bench/load/report_text.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/bench/load/fail_by_count_echo_service.h"
#include "tests/support/free_port.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"

namespace jixiao::load {
namespace {

using ::jixiao::load::testing::FailByCountEchoService;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// Bounds that no passing run comes near; they only turn a hang into a failure.
constexpr absl::Duration kGenerousDuration = absl::Seconds(120);
constexpr absl::Duration kGenerousDeadline = absl::Seconds(60);

// The fail-by-count service on 127.0.0.1, on a port the kernel picks; stopped
// by the destructor.
class FailByCountServer {
 public:
  FailByCountServer() {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
  }
  ~FailByCountServer() {
    if (server_ == nullptr) return;
    server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(10));
    server_->Wait();
  }

  bool started() const { return server_ != nullptr && port_ > 0; }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }
  FailByCountEchoService& service() { return service_; }

  // What the server answered, by status name, as the load report names them.
  std::map<std::string, int64_t> Answered() const {
    std::map<std::string, int64_t> named;
    for (const auto& [code, count] : service_.answered()) {
      named[StatusCodeName(static_cast<int>(code))] = count;
    }
    return named;
  }

 private:
  FailByCountEchoService service_;  // outlives the server, which calls into it
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

std::map<std::string, int64_t> ReportedStatuses(const LoadReport& report) {
  std::map<std::string, int64_t> named;
  for (const auto& [name, count] : report.statuses.Named()) named[name] = count;
  return named;
}

// Each test's own fail-by-count server, and options that call its Echo method.
class LoadRunnerTest : public ::testing::Test {
 protected:
  LoadRunnerTest() {
    options_.target = server_.address();
    options_.method = "jixiao.bench.v1.EchoService/Echo";
    options_.duration = kGenerousDuration;
    options_.deadline = kGenerousDeadline;
  }
  void SetUp() override { ASSERT_TRUE(server_.started()); }

  FailByCountServer server_;
  LoadOptions options_;
};

google::protobuf::Struct ParseJson(const std::string& json) {
  google::protobuf::Struct parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &parsed);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return parsed;
}

int64_t Integer(const google::protobuf::Struct& object, const std::string& key) {
  const auto it = object.fields().find(key);
  EXPECT_NE(it, object.fields().end()) << key;
  return it == object.fields().end() ? -1 : static_cast<int64_t>(it->second.number_value());
}

// The counts every report must agree on, whatever the mode: each measured call
// ended once, with one status, and the JSON says the same.
void ExpectConsistentCounts(const LoadReport& report) {
  EXPECT_EQ(report.ok() + report.errors(), report.calls());
  EXPECT_EQ(report.ok(), report.statuses.count(grpc::StatusCode::OK));
  EXPECT_EQ(report.latency_all.count, report.calls());
  EXPECT_EQ(report.latency_ok.count, report.ok());

  const google::protobuf::Struct json = ParseJson(FormatReportJson(report));
  EXPECT_EQ(Integer(json, "calls"), report.calls());
  EXPECT_EQ(Integer(json, "ok"), report.ok());
  EXPECT_EQ(Integer(json, "errors"), report.errors());
  EXPECT_EQ(Integer(json, "not_sent"), report.not_sent);
  std::map<std::string, int64_t> json_statuses;
  for (const auto& [name, value] : json.fields().at("status_counts").struct_value().fields()) {
    json_statuses[name] = static_cast<int64_t>(value.number_value());
  }
  EXPECT_EQ(json_statuses, ReportedStatuses(report));
}

TEST_F(LoadRunnerTest, ClosedLoopCountsEveryStatusExactly) {
  options_.mode = LoadMode::kClosedLoop;
  options_.concurrency = 16;
  options_.channels = 2;
  options_.max_calls = 1000;
  options_.request_json = R"({"payload":"aGVsbG8="})";

  ASSERT_OK_AND_ASSIGN(const LoadReport report, RunLoad(options_));

  // 1000 calls: every 5th UNAVAILABLE (200); of the other 800, every 10th
  // INVALID_ARGUMENT (80); the remaining 720 OK.
  EXPECT_EQ(report.stopped_by, StopReason::kMaxCalls);
  EXPECT_EQ(report.calls(), 1000);
  EXPECT_EQ(report.ok(), 720);
  EXPECT_EQ(report.errors(), 280);
  EXPECT_EQ(report.statuses.count(grpc::StatusCode::UNAVAILABLE), 200);
  EXPECT_EQ(report.statuses.count(grpc::StatusCode::INVALID_ARGUMENT), 80);
  EXPECT_THAT(report.statuses.Named(),
              ElementsAre(Pair("OK", 720), Pair("INVALID_ARGUMENT", 80), Pair("UNAVAILABLE", 200)));
  EXPECT_EQ(report.not_sent, 0);
  EXPECT_EQ(report.warmup_calls, 0);
  EXPECT_EQ(report.channels_ready, 2);
  ExpectConsistentCounts(report);

  // The server saw exactly the calls the report counts, and answered them so.
  EXPECT_EQ(server_.service().calls(), 1000);
  EXPECT_EQ(server_.Answered(), ReportedStatuses(report));

  const google::protobuf::Struct json = ParseJson(FormatReportJson(report));
  EXPECT_EQ(Integer(json, "calls"), 1000);
  EXPECT_EQ(Integer(json, "ok"), 720);
  EXPECT_EQ(Integer(json, "errors"), 280);
  const google::protobuf::Struct& statuses = json.fields().at("status_counts").struct_value();
  EXPECT_EQ(Integer(statuses, "OK"), 720);
  EXPECT_EQ(Integer(statuses, "INVALID_ARGUMENT"), 80);
  EXPECT_EQ(Integer(statuses, "UNAVAILABLE"), 200);
  EXPECT_EQ(json.fields().at("stopped_by").string_value(), "max_calls");

  EXPECT_THAT(FormatReportText(report), HasSubstr("OK 720, INVALID_ARGUMENT 80, UNAVAILABLE 200"));
}

TEST_F(LoadRunnerTest, OpenLoopCountsAgreeWithTheServer) {
  options_.mode = LoadMode::kOpenLoop;
  options_.rate = 2000;
  options_.max_in_flight = 4;
  options_.max_calls = 300;

  ASSERT_OK_AND_ASSIGN(const LoadReport report, RunLoad(options_));
  EXPECT_GT(report.calls(), 0);
  EXPECT_LE(report.calls(), 300);
  EXPECT_GE(report.not_sent, 0);
  ExpectConsistentCounts(report);
  EXPECT_EQ(server_.service().calls(), report.calls());
  EXPECT_EQ(server_.Answered(), ReportedStatuses(report));
}

TEST_F(LoadRunnerTest, WarmupCallsAreMadeButNotRecorded) {
  options_.concurrency = 2;
  options_.max_calls = 100;
  options_.warmup = absl::Milliseconds(50);

  ASSERT_OK_AND_ASSIGN(const LoadReport report, RunLoad(options_));
  EXPECT_EQ(report.calls(), 100);
  ExpectConsistentCounts(report);
  // However many fell in the warm-up, they reached the server and nothing else.
  EXPECT_EQ(server_.service().calls(), report.calls() + report.warmup_calls);
}

// Writes `lines` as a JSON Lines file in `directory` and returns its path.
std::string WriteRequests(const jixiao::testing::TempDir& directory,
                          const std::vector<std::string>& lines) {
  const std::string path = directory.File("requests.jsonl");
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << "\n";
  return path;
}

TEST_F(LoadRunnerTest, RequestsAreSentInOrderAndCycled) {
  auto directory = jixiao::testing::TempDir::Create("jixiao-load-test");
  ASSERT_TRUE(directory.ok()) << directory.status();
  // base64 of "a", "b", "c"; one call at a time, so arrival order is send order.
  options_.requests_file = WriteRequests(
      **directory, {R"({"payload":"YQ=="})", R"({"payload":"Yg=="})", R"({"payload":"Yw=="})"});
  options_.concurrency = 1;
  options_.max_calls = 7;

  ASSERT_OK_AND_ASSIGN(const LoadReport report, RunLoad(options_));
  EXPECT_EQ(report.requests, 3);
  EXPECT_EQ(report.calls(), 7);
  EXPECT_THAT(server_.service().payloads(), ElementsAre("a", "b", "c", "a", "b", "c", "a"));
}

TEST_F(LoadRunnerTest, NoRepeatSendsEachRequestOnce) {
  auto directory = jixiao::testing::TempDir::Create("jixiao-load-test");
  ASSERT_TRUE(directory.ok()) << directory.status();
  options_.requests_file = WriteRequests(
      **directory, {R"({"payload":"YQ=="})", "", R"({"payload":"Yg=="})", R"({"payload":"Yw=="})"});
  options_.concurrency = 1;
  options_.no_repeat = true;

  ASSERT_OK_AND_ASSIGN(const LoadReport report, RunLoad(options_));
  EXPECT_EQ(report.stopped_by, StopReason::kRequestsExhausted);
  EXPECT_EQ(report.calls(), 3);
  EXPECT_THAT(server_.service().payloads(), ElementsAre("a", "b", "c"));
}

TEST_F(LoadRunnerTest, RefusesAnUnknownMethodBeforeSendingAnything) {
  options_.method = "jixiao.bench.v1.EchoService/Shout";
  const absl::StatusOr<LoadReport> report = RunLoad(options_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(report.status().message(), HasSubstr("no method Shout"));
  EXPECT_EQ(server_.service().calls(), 0);
}

TEST_F(LoadRunnerTest, RefusesABadRequestBeforeSendingAnything) {
  options_.request_json = R"({"payload": 12})";
  const absl::StatusOr<LoadReport> report = RunLoad(options_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(), HasSubstr("--request-json"));
  EXPECT_EQ(server_.service().calls(), 0);
}

TEST(LoadRunnerWithoutServerTest, RefusesAnUnboundedRun) {
  LoadOptions options;
  options.duration = absl::ZeroDuration();
  EXPECT_THAT(RunLoad(options).status().message(), HasSubstr("bounded in time"));
}

TEST(LoadRunnerWithoutServerTest, AnUnreachableTargetIsCountedAsUnavailable) {
  // Nothing listens on a port just released by the kernel.
  ASSERT_OK_AND_ASSIGN(const int port, jixiao::testing::PickFreePort());
  LoadOptions options;
  options.target = absl::StrCat("127.0.0.1:", port);
  options.concurrency = 2;
  options.max_calls = 20;
  options.duration = kGenerousDuration;
  options.deadline = kGenerousDeadline;

  ASSERT_OK_AND_ASSIGN(const LoadReport report, RunLoad(options));
  EXPECT_EQ(report.channels_ready, 0);
  EXPECT_EQ(report.calls(), 20);
  EXPECT_EQ(report.ok(), 0);
  EXPECT_EQ(report.statuses.count(grpc::StatusCode::UNAVAILABLE), 20);
  ExpectConsistentCounts(report);
}

}  // namespace
}  // namespace jixiao::load
