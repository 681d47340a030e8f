// Status counting and the two report formats.
#include "bench/load/load_report.h"

#include <grpcpp/support/status_code_enum.h>

#include <string>
#include <utility>
#include <vector>

#include "bench/load/report_json.h"
#include "bench/load/report_text.h"
#include "bench/load/status_counts.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace jixiao::load {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

google::protobuf::Struct ParseJson(const std::string& json) {
  google::protobuf::Struct parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &parsed);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return parsed;
}

double Number(const google::protobuf::Struct& object, const std::string& key) {
  const auto it = object.fields().find(key);
  EXPECT_NE(it, object.fields().end()) << key;
  return it == object.fields().end() ? -1 : it->second.number_value();
}

TEST(StatusCodeNameTest, NamesCodesAsGrpcDoes) {
  EXPECT_EQ(StatusCodeName(0), "OK");
  EXPECT_EQ(StatusCodeName(3), "INVALID_ARGUMENT");
  EXPECT_EQ(StatusCodeName(4), "DEADLINE_EXCEEDED");
  EXPECT_EQ(StatusCodeName(14), "UNAVAILABLE");
  EXPECT_EQ(StatusCodeName(16), "UNAUTHENTICATED");
  EXPECT_EQ(StatusCodeName(99), "CODE_99");
}

TEST(StatusCountsTest, OnlyOkIsASuccess) {
  StatusCounts counts;
  counts.Add(grpc::StatusCode::UNAVAILABLE);
  counts.Add(grpc::StatusCode::OK);
  counts.Add(grpc::StatusCode::DEADLINE_EXCEEDED);
  counts.Add(grpc::StatusCode::OK);
  counts.Add(static_cast<grpc::StatusCode>(42));  // never from gRPC; kept as UNKNOWN
  EXPECT_EQ(counts.total(), 5);
  EXPECT_EQ(counts.ok(), 2);
  EXPECT_EQ(counts.errors(), 3);
  EXPECT_EQ(counts.count(grpc::StatusCode::UNKNOWN), 1);
  EXPECT_THAT(counts.Named(), ElementsAre(Pair("OK", 2), Pair("UNKNOWN", 1),
                                          Pair("DEADLINE_EXCEEDED", 1), Pair("UNAVAILABLE", 1)));

  StatusCounts more;
  more.Add(grpc::StatusCode::UNAVAILABLE);
  counts.Merge(more);
  EXPECT_EQ(counts.count(grpc::StatusCode::UNAVAILABLE), 2);
  EXPECT_EQ(counts.total(), 6);
}

LoadReport SampleReport() {
  LoadReport report;
  report.label = "quote \" backslash \\ newline \n";
  report.method = "/jixiao.bench.v1.EchoService/Echo";
  report.target = "127.0.0.1:50059";
  report.mode = LoadMode::kClosedLoop;
  report.concurrency = 8;
  report.channels = 2;
  report.channels_ready = 2;
  report.requests = 1;
  report.duration_limit_s = 10;
  report.max_calls = 100;
  report.deadline_ms = 5000;
  report.stopped_by = StopReason::kMaxCalls;
  report.duration_s = 2;
  for (int i = 0; i < 90; ++i) report.statuses.Add(grpc::StatusCode::OK);
  for (int i = 0; i < 10; ++i) report.statuses.Add(grpc::StatusCode::UNAVAILABLE);
  LatencyHistogram latency;
  for (int i = 1; i <= 100; ++i) latency.Record(i * int64_t{1000000});  // 1..100 ms
  report.latency_all = SummarizeLatency(latency);
  report.latency_ok = report.latency_all;
  return report;
}

TEST(SummarizeLatencyTest, GivesMillisecondPercentiles) {
  const LatencySummary summary = SampleReport().latency_all;
  EXPECT_EQ(summary.count, 100);
  EXPECT_NEAR(summary.p50_ms, 50, 0.5);
  EXPECT_NEAR(summary.p90_ms, 90, 0.9);
  EXPECT_NEAR(summary.p99_ms, 99, 0.99);
  EXPECT_NEAR(summary.p999_ms, 100, 1);
  EXPECT_DOUBLE_EQ(summary.max_ms, 100);
}

TEST(PerSecondTest, NoTimeMeansNoThroughput) {
  EXPECT_DOUBLE_EQ(PerSecond(100, 2), 50);
  EXPECT_DOUBLE_EQ(PerSecond(100, 0), 0);
}

TEST(ReportJsonTest, ParsesBackWithTheSameCounts) {
  const LoadReport report = SampleReport();
  const std::string json = FormatReportJson(report);
  EXPECT_EQ(json.find('\n'), std::string::npos);  // one line
  const google::protobuf::Struct parsed = ParseJson(json);
  EXPECT_EQ(parsed.fields().at("label").string_value(), report.label);
  EXPECT_EQ(parsed.fields().at("method").string_value(), report.method);
  EXPECT_EQ(parsed.fields().at("mode").string_value(), "closed_loop");
  EXPECT_EQ(parsed.fields().at("stopped_by").string_value(), "max_calls");
  EXPECT_EQ(Number(parsed, "concurrency"), 8);
  EXPECT_EQ(parsed.fields().count("rate_per_s"), 0u);
  EXPECT_EQ(Number(parsed, "calls"), 100);
  EXPECT_EQ(Number(parsed, "ok"), 90);
  EXPECT_EQ(Number(parsed, "errors"), 10);
  EXPECT_EQ(Number(parsed, "throughput_ok_per_s"), 45);
  EXPECT_EQ(Number(parsed, "throughput_calls_per_s"), 50);
  const google::protobuf::Struct& statuses = parsed.fields().at("status_counts").struct_value();
  EXPECT_EQ(statuses.fields_size(), 2);
  EXPECT_EQ(Number(statuses, "OK"), 90);
  EXPECT_EQ(Number(statuses, "UNAVAILABLE"), 10);
  const google::protobuf::Struct& latency = parsed.fields().at("latency_ms").struct_value();
  EXPECT_EQ(Number(latency, "count"), 100);
  EXPECT_NEAR(Number(latency, "p50"), report.latency_ok.p50_ms, 0.001);
  EXPECT_NEAR(Number(latency, "p999"), report.latency_ok.p999_ms, 0.001);
  EXPECT_EQ(Number(latency, "max"), 100);
}

TEST(ReportJsonTest, OpenLoopNamesItsRate) {
  LoadReport report = SampleReport();
  report.mode = LoadMode::kOpenLoop;
  report.rate = 250;
  report.max_in_flight = 16;
  report.not_sent = 7;
  const google::protobuf::Struct parsed = ParseJson(FormatReportJson(report));
  EXPECT_EQ(parsed.fields().at("mode").string_value(), "open_loop");
  EXPECT_EQ(Number(parsed, "rate_per_s"), 250);
  EXPECT_EQ(Number(parsed, "max_in_flight"), 16);
  EXPECT_EQ(Number(parsed, "not_sent"), 7);
  EXPECT_EQ(parsed.fields().count("concurrency"), 0u);
}

TEST(ReportTextTest, ShowsCountsStatusesAndPercentiles) {
  LoadReport report = SampleReport();
  report.label = "echo";
  const std::string text = FormatReportText(report);
  EXPECT_THAT(text, HasSubstr("echo: /jixiao.bench.v1.EchoService/Echo → 127.0.0.1:50059"));
  EXPECT_THAT(text, HasSubstr("closed loop, 8 in flight, 2 channels (2 connected)"));
  EXPECT_THAT(text, HasSubstr("stopped by max_calls"));
  EXPECT_THAT(text, HasSubstr("100: 90 OK, 10 errors"));
  EXPECT_THAT(text, HasSubstr("OK 90, UNAVAILABLE 10"));
  EXPECT_THAT(text, HasSubstr("45.0 OK/s (50.0 calls/s)"));
  EXPECT_THAT(text, HasSubstr("max 100.000"));
  EXPECT_THAT(text, Not(HasSubstr("not sent")));

  report.mode = LoadMode::kOpenLoop;
  report.rate = 250;
  report.max_in_flight = 16;
  report.not_sent = 7;
  EXPECT_THAT(FormatReportText(report), HasSubstr("; 7 not sent"));
}

}  // namespace
}  // namespace jixiao::load
