#include "common/platform/logging/log_line.h"

#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/platform/logging/call_trace.h"
#include "common/platform/logging/logger.h"
#include "common/platform/logging/recording_log_sink.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jixiao::logging {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

const absl::Time kTime = absl::FromUnixMillis(1795341600123);  // 2026-11-22T10:00:00.123Z

TEST(LogLineTest, FormatsTimestampLevelEventAndFields) {
  EXPECT_EQ(FormatLogLine(kTime, LogLevel::kInfo, "rpc",
                          {{"method", "/jixiao.v1.IngestService/SubmitReport"},
                           {"status", "OK"},
                           {"latency_ms", 1.2},
                           {"count", 3},
                           {"cached", true}}),
            "ts=2026-11-22T10:00:00.123Z level=info event=rpc "
            "method=/jixiao.v1.IngestService/SubmitReport status=OK latency_ms=1.2 count=3 "
            "cached=true");
}

TEST(LogLineTest, QuotesValuesThatWouldNotSplitCleanly) {
  EXPECT_EQ(QuoteLogValue("plain"), "plain");
  EXPECT_EQ(QuoteLogValue("预算执行率"), "预算执行率");
  EXPECT_EQ(QuoteLogValue(""), "\"\"");
  EXPECT_EQ(QuoteLogValue("two words"), "\"two words\"");
  EXPECT_EQ(QuoteLogValue("a=b"), "\"a=b\"");
  EXPECT_EQ(QuoteLogValue("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(QuoteLogValue("back\\slash"), "\"back\\\\slash\"");
  EXPECT_EQ(QuoteLogValue("line\nbreak\ttab"), "\"line\\nbreak\\ttab\"");
  EXPECT_EQ(QuoteLogValue(std::string("nul\0byte", 8)), "\"nul\\x00byte\"");
}

TEST(LogLineTest, ReplacesOddKeyCharacters) {
  EXPECT_EQ(FormatLogLine(kTime, LogLevel::kWarn, "e", {{"bad key=", "v"}}),
            "ts=2026-11-22T10:00:00.123Z level=warn event=e bad_key_=v");
}

TEST(LoggerTest, DropsLinesBelowItsLevel) {
  RecordingLogSink sink;
  Logger logger(LogLevel::kWarn, &sink);
  logger.Debug("a");
  logger.Info("b");
  logger.Warn("c", {{"k", "v"}});
  logger.Error("d");
  ASSERT_THAT(sink.Lines(), SizeIs(2));
  EXPECT_THAT(sink.Lines()[0], ::testing::EndsWith("level=warn event=c k=v"));
  EXPECT_THAT(sink.Lines()[1], ::testing::EndsWith("level=error event=d"));
}

TEST(LoggerTest, LinesLoggedForACallCarryItsTraceId) {
  RecordingLogSink sink;
  const Logger logger(LogLevel::kInfo, &sink);
  logger.Info("before");
  {
    const ScopedCallTrace call("4bf92f3577b34da6a3ce929d0e0e4736");
    logger.Info("during", {{"count", 3}});
    // A line that names its trace itself keeps that one, once.
    logger.Info("named", {{"trace_id", "0af7651916cd43dd8448eb211c80319c"}});
  }
  logger.Info("after");
  const std::vector<std::string> lines = sink.Lines();
  ASSERT_EQ(lines.size(), 4);
  EXPECT_THAT(lines[0], Not(HasSubstr("trace_id=")));
  EXPECT_THAT(lines[1], HasSubstr("count=3 trace_id=4bf92f3577b34da6a3ce929d0e0e4736"));
  EXPECT_THAT(lines[2], HasSubstr("trace_id=0af7651916cd43dd8448eb211c80319c"));
  EXPECT_THAT(lines[2], Not(HasSubstr("4bf92f3577b34da6a3ce929d0e0e4736")));
  EXPECT_THAT(lines[3], Not(HasSubstr("trace_id=")));
}

TEST(LoggerTest, LinesFromManyThreadsStayWhole) {
  RecordingLogSink sink;
  const Logger logger(LogLevel::kInfo, &sink);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&logger, t] {
      for (int i = 0; i < 250; ++i) logger.Info("tick", {{"thread", t}, {"i", i}});
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(sink.Lines(), SizeIs(1000));
  EXPECT_THAT(sink.LinesContaining({"event=tick", "thread=3", "i=249"}), SizeIs(1));
}

TEST(LogLevelTest, ParsesConfiguredNames) {
  EXPECT_EQ(ParseLogLevel("debug").value(), LogLevel::kDebug);
  EXPECT_EQ(ParseLogLevel("INFO").value(), LogLevel::kInfo);
  EXPECT_EQ(ParseLogLevel("warning").value(), LogLevel::kWarn);
  EXPECT_EQ(ParseLogLevel("error").value(), LogLevel::kError);
  EXPECT_FALSE(ParseLogLevel("verbose").ok());
}

}  // namespace
}  // namespace jixiao::logging
