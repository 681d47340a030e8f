#include "bench/load/load_options.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_macros.h"

namespace jixiao::load {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<LoadCommandLine> Parse(std::vector<std::string> args) {
  return ParseLoadCommandLine(args);
}

TEST(LoadOptionsTest, DefaultsAreAValidBoundedClosedLoop) {
  const LoadOptions defaults;
  EXPECT_TRUE(ValidateLoadOptions(defaults).ok());
  EXPECT_EQ(defaults.mode, LoadMode::kClosedLoop);
  EXPECT_GT(defaults.duration, absl::ZeroDuration());
  EXPECT_GT(defaults.max_calls, 0);
}

TEST(LoadOptionsTest, RefusesARunUnboundedInTime) {
  LoadOptions options;
  options.duration = absl::ZeroDuration();
  absl::Status status = ValidateLoadOptions(options);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("bounded in time"));

  options.duration = absl::InfiniteDuration();
  EXPECT_FALSE(ValidateLoadOptions(options).ok());

  EXPECT_THAT(Parse({"--duration", "0"}).status().message(), HasSubstr("bounded in time"));
  EXPECT_THAT(Parse({"--duration=-3"}).status().message(), HasSubstr("bounded in time"));
  EXPECT_FALSE(Parse({"--duration", "inf"}).ok());
}

TEST(LoadOptionsTest, RefusesARunUnboundedInCalls) {
  LoadOptions options;
  options.max_calls = 0;
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("bounded in calls"));
  EXPECT_THAT(Parse({"--max-calls", "0"}).status().message(), HasSubstr("bounded in calls"));
  EXPECT_THAT(Parse({"--max-calls", "-1"}).status().message(), HasSubstr("bounded in calls"));
  EXPECT_FALSE(Parse({"--max-calls", "lots"}).ok());
}

TEST(LoadOptionsTest, RefusesMalformedMethodNames) {
  for (const char* method : {"", "Echo", "jixiao.bench.v1.EchoService", "a/b/c", "/",
                             "jixiao..v1.S/M", "jixiao.v1.S/Get.Card", "jixiao v1.S/M"}) {
    LoadOptions options;
    options.method = method;
    const absl::Status status = ValidateLoadOptions(options);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << method;
    EXPECT_THAT(status.message(), HasSubstr("--method")) << method;
  }
}

TEST(LoadOptionsTest, AcceptsMethodsWithOrWithoutALeadingSlash) {
  for (const char* method :
       {"jixiao.v1.QueryService/GetScoreCard", "/jixiao.v1.QueryService/GetScoreCard"}) {
    LoadOptions options;
    options.method = method;
    EXPECT_TRUE(ValidateLoadOptions(options).ok()) << method;
  }
}

TEST(LoadOptionsTest, RefusesOutOfRangeLoad) {
  LoadOptions options;
  options.concurrency = 0;
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("--concurrency"));
  options = LoadOptions();
  options.channels = 0;
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("--channels"));
  options = LoadOptions();
  options.deadline = absl::ZeroDuration();
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("--deadline-ms"));
  options = LoadOptions();
  options.warmup = absl::Seconds(-1);
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("--warmup"));
  options = LoadOptions();
  options.mode = LoadMode::kOpenLoop;
  options.rate = 0;
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("--rate"));
  options.rate = 100;
  options.max_in_flight = 0;
  EXPECT_THAT(ValidateLoadOptions(options).message(), HasSubstr("--max-in-flight"));
}

TEST(LoadOptionsTest, ParsesEveryOption) {
  const absl::StatusOr<LoadCommandLine> parsed =
      Parse({// Where, what, and which requests.
             "--target", "10.0.0.1:50053", "--method=jixiao.v1.QueryService/GetScoreCard",
             "--requests", "cards.jsonl", "--no-repeat",
             // How hard and for how long.
             "--rate", "250.5", "--max-in-flight", "64", "--channels", "4", "--duration", "2.5",
             "--max-calls", "5000", "--warmup", "0.5", "--deadline-ms", "750",
             // How the report is written.
             "--json", "--label", "cards"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const LoadOptions& options = parsed->options;
  EXPECT_FALSE(parsed->help);
  EXPECT_EQ(options.target, "10.0.0.1:50053");
  EXPECT_EQ(options.method, "jixiao.v1.QueryService/GetScoreCard");
  EXPECT_EQ(options.requests_file, "cards.jsonl");
  EXPECT_TRUE(options.no_repeat);
  EXPECT_EQ(options.mode, LoadMode::kOpenLoop);
  EXPECT_DOUBLE_EQ(options.rate, 250.5);
  EXPECT_EQ(options.max_in_flight, 64);
  EXPECT_EQ(options.channels, 4);
  EXPECT_EQ(options.duration, absl::Milliseconds(2500));
  EXPECT_EQ(options.max_calls, 5000);
  EXPECT_EQ(options.warmup, absl::Milliseconds(500));
  EXPECT_EQ(options.deadline, absl::Milliseconds(750));
  EXPECT_TRUE(options.json);
  EXPECT_EQ(options.label, "cards");
}

TEST(LoadOptionsTest, ConcurrencyMeansAClosedLoop) {
  ASSERT_OK_AND_ASSIGN(const LoadCommandLine parsed, Parse({"--concurrency", "64"}));
  EXPECT_EQ(parsed.options.mode, LoadMode::kClosedLoop);
  EXPECT_EQ(parsed.options.concurrency, 64);
}

TEST(LoadOptionsTest, RefusesContradictoryOrMalformedCommandLines) {
  EXPECT_THAT(Parse({"--concurrency", "4", "--rate", "10"}).status().message(),
              HasSubstr("exclude each other"));
  EXPECT_THAT(Parse({"--max-in-flight", "4"}).status().message(), HasSubstr("open-loop"));
  EXPECT_THAT(Parse({"--request-json", "{}", "--requests", "r.jsonl"}).status().message(),
              HasSubstr("not both"));
  EXPECT_THAT(Parse({"--concurency", "4"}).status().message(), HasSubstr("unknown option"));
  EXPECT_THAT(Parse({"127.0.0.1:50059"}).status().message(), HasSubstr("unexpected argument"));
  EXPECT_THAT(Parse({"--label", "a", "--label", "b"}).status().message(),
              HasSubstr("more than once"));
  EXPECT_THAT(Parse({"--json=yes"}).status().message(), HasSubstr("takes no value"));
  EXPECT_THAT(Parse({"--target"}).status().message(), HasSubstr("needs a value"));
  EXPECT_THAT(Parse({"--method", "Echo"}).status().message(), HasSubstr("--method"));
}

TEST(LoadOptionsTest, HelpNeedsNothingElse) {
  ASSERT_OK_AND_ASSIGN(const LoadCommandLine parsed, Parse({"--help"}));
  EXPECT_TRUE(parsed.help);
  EXPECT_THAT(LoadUsage(), HasSubstr("--max-in-flight M"));
}

}  // namespace
}  // namespace jixiao::load
