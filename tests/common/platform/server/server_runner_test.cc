#include "common/platform/server/server_runner.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <unistd.h>

#include <future>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/platform/logging/recording_log_sink.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/platform/server/probe_service.h"
#include "tests/common/platform/server/test_client.h"
#include "tests/support/status_macros.h"
#include "tests/support/worker_pool_filler.h"

namespace jixiao::server {
namespace {

using ::jixiao::server::testing::CallUnary;
using ::jixiao::server::testing::CheckHealth;
using ::jixiao::server::testing::DecodeHealthResponse;
using ::jixiao::server::testing::EncodeHealthRequest;
using ::jixiao::server::testing::Gate;
using ::jixiao::server::testing::Health;
using ::jixiao::server::testing::kBlockingMethod;
using ::jixiao::server::testing::kEchoMethod;
using ::jixiao::server::testing::kFailMethod;
using ::jixiao::server::testing::kHopMethod;
using ::jixiao::server::testing::kProbeServiceName;
using ::jixiao::server::testing::ProbeService;
using ::jixiao::server::testing::StartUnary;
using ::jixiao::server::testing::StreamCall;
using ::jixiao::server::testing::UnaryResult;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// Generous bounds for waits on events that normally take microseconds; they
// only turn a hang into a failure.
constexpr absl::Duration kPatience = absl::Seconds(10);

ServerConfig TestConfig() {
  ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.workers = 2;
  config.worker_queue = 8;
  config.drain = absl::Seconds(10);
  return config;
}

// A started runner with the probe service, and a channel to it. The runner's
// destructor stops whatever the test left running.
class ProbeServer {
 public:
  explicit ProbeServer(ServerConfig config = TestConfig())
      : runner_(std::move(config), logging::Logger(logging::LogLevel::kDebug, &sink_)),
        probe_(runner_.workers(), gate_) {
    runner_.AddService(kProbeServiceName, &probe_);
    absl::StatusOr<int> port = runner_.Start();
    EXPECT_TRUE(port.ok()) << port.status();
    port_ = port.value_or(0);
    channel_ =
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", port_), grpc::InsecureChannelCredentials());
    probe_.SetDownstream(channel_);
  }
  // The server must stop before the probe service it calls into is destroyed;
  // the gate opens first so that no blocked call holds up the drain.
  ~ProbeServer() {
    gate_.Open();
    runner_.RequestShutdown();
    runner_.Wait();
  }

  ServerRunner& runner() { return runner_; }
  Gate& gate() { return gate_; }
  logging::RecordingLogSink& log() { return sink_; }
  const std::shared_ptr<grpc::Channel>& channel() { return channel_; }
  int port() const { return port_; }

 private:
  logging::RecordingLogSink sink_;
  Gate gate_;
  ServerRunner runner_;
  ProbeService probe_;
  int port_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
};

// Stops a runner on another thread (RequestShutdown, then Wait) while the test
// watches the shutdown from outside; joined at the latest on destruction, so
// that a failed assertion never leaves the thread running.
class BackgroundStop {
 public:
  explicit BackgroundStop(ServerRunner& runner)
      : thread_([&runner] {
          runner.RequestShutdown();
          runner.Wait();
        }) {}
  ~BackgroundStop() { Join(); }
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

TEST(ServerRunnerTest, ListensOnAPickedPortAndSaysWhich) {
  ProbeServer server;
  ASSERT_GT(server.port(), 0);
  EXPECT_THAT(server.log().LinesContaining(
                  {"level=info", "event=listening", absl::StrCat("port=", server.port())}),
              SizeIs(1));
  UnaryResult echo = CallUnary(server.channel(), kEchoMethod, "你好");
  ASSERT_TRUE(echo.status.ok()) << echo.status.error_message();
  EXPECT_EQ(echo.response, "你好");
}

TEST(ServerRunnerTest, HealthIsServingOverallAndPerService) {
  ProbeServer server;
  EXPECT_EQ(CheckHealth(server.channel(), "").value(), Health::kServing);
  EXPECT_EQ(CheckHealth(server.channel(), kProbeServiceName).value(), Health::kServing);
  EXPECT_EQ(CheckHealth(server.channel(), "jixiao.testing.Missing").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(ServerRunnerTest, HealthTurnsNotServingWhenShutdownIsRequested) {
  ProbeServer server;
  StreamCall watch(server.channel(), "/grpc.health.v1.Health/Watch", {EncodeHealthRequest("")});
  std::optional<std::string> first = watch.Next(kPatience);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(DecodeHealthResponse(*first).value(), Health::kServing);

  BackgroundStop stop(server.runner());
  std::optional<std::string> second = watch.Next(kPatience);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(DecodeHealthResponse(*second).value(), Health::kNotServing);
  // A client that hangs up on NOT_SERVING lets the drain end at once.
  watch.Cancel();
  EXPECT_EQ(watch.Finish().error_code(), grpc::StatusCode::CANCELLED);
  stop.Join();
  EXPECT_THAT(server.log().LinesContaining({"event=stopped"}), SizeIs(1));
}

TEST(ServerRunnerTest, AWatchThatStaysOpenIsCancelledAtTheDrainDeadline) {
  ServerConfig config = TestConfig();
  config.drain = absl::Milliseconds(300);
  ProbeServer server(config);
  StreamCall watch(server.channel(), "/grpc.health.v1.Health/Watch", {EncodeHealthRequest("")});
  ASSERT_TRUE(watch.Next(kPatience).has_value());  // SERVING

  server.runner().RequestShutdown();
  server.runner().Wait();  // returns once the deadline has cancelled the watch
  EXPECT_FALSE(watch.Finish().ok());
}

TEST(ServerRunnerTest, ReflectionIsServedOnlyWhenAskedFor) {
  ProbeServer server;
  EXPECT_EQ(testing::ListServicesByReflection(server.channel()).status().code(),
            absl::StatusCode::kUnimplemented);
}

TEST(ServerRunnerTest, ReflectionListsTheServices) {
  ServerConfig config = TestConfig();
  config.reflection = true;
  ProbeServer server(config);
  ASSERT_OK_AND_ASSIGN(std::vector<std::string> services,
                       testing::ListServicesByReflection(server.channel()));
  EXPECT_THAT(services, Contains(kProbeServiceName));
  EXPECT_THAT(services, Contains("grpc.health.v1.Health"));
  EXPECT_THAT(services, Contains("grpc.reflection.v1alpha.ServerReflection"));
  // Descriptors are served for services compiled from protos.
  ASSERT_OK_AND_ASSIGN(std::string file,
                       testing::FileContainingSymbolByReflection(
                           server.channel(), "grpc.reflection.v1alpha.ServerReflection"));
  EXPECT_THAT(file, HasSubstr("reflection.proto"));
}

TEST(ServerRunnerTest, LogsOneLinePerCallWithMethodStatusAndLatency) {
  ProbeServer server;
  ASSERT_TRUE(CallUnary(server.channel(), kEchoMethod, "x").status.ok());
  ASSERT_EQ(CallUnary(server.channel(), kFailMethod, "bad field: 项目名称").status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // Written before the status is sent, so present as soon as the client has it.
  std::vector<std::string> echo = server.log().LinesContaining(
      {"event=rpc", "method=/jixiao.testing.Probe/Echo", "status=OK", "latency_ms=", "peer="});
  ASSERT_THAT(echo, SizeIs(1));
  EXPECT_THAT(echo[0], HasSubstr("level=info"));
  EXPECT_THAT(echo[0],
              ::testing::MatchesRegex("ts=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.[0-9]{3}Z .*"));
  EXPECT_THAT(echo[0], ::testing::ContainsRegex(" latency_ms=[0-9]+\\.[0-9]{3} "));

  std::vector<std::string> fail = server.log().LinesContaining(
      {"event=rpc", "method=/jixiao.testing.Probe/Fail", "status=INVALID_ARGUMENT"});
  ASSERT_THAT(fail, SizeIs(1));
  EXPECT_THAT(fail[0], HasSubstr("message=\"bad field: 项目名称\""));
}

TEST(ServerRunnerTest, InFlightCallCompletesDuringTheDrain) {
  ProbeServer server;
  StreamCall watch(server.channel(), "/grpc.health.v1.Health/Watch", {EncodeHealthRequest("")});
  ASSERT_TRUE(watch.Next(kPatience).has_value());  // SERVING

  std::unique_ptr<testing::PendingUnary> slow =
      StartUnary(server.channel(), kBlockingMethod, "slow");
  ASSERT_TRUE(server.gate().WaitForEntered(1, kPatience));

  BackgroundStop stop(server.runner());
  // NOT_SERVING: the shutdown has begun while the call is still blocked.
  std::optional<std::string> not_serving = watch.Next(kPatience);
  ASSERT_TRUE(not_serving.has_value());
  EXPECT_EQ(DecodeHealthResponse(*not_serving).value(), Health::kNotServing);
  watch.Cancel();
  EXPECT_FALSE(slow->done());

  server.gate().Open();
  UnaryResult result = slow->Get();
  EXPECT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.response, "slow");
  stop.Join();
  EXPECT_THAT(server.log().LinesContaining({"event=stopped"}), SizeIs(1));
}

TEST(ServerRunnerTest, CallsAfterShutdownFail) {
  ProbeServer server;
  ASSERT_TRUE(CallUnary(server.channel(), kEchoMethod, "before").status.ok());
  server.runner().RequestShutdown();
  server.runner().Wait();
  UnaryResult after = CallUnary(server.channel(), kEchoMethod, "after", absl::Seconds(5));
  EXPECT_EQ(after.status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << after.status.error_message();
}

TEST(ServerRunnerTest, FullWorkerPoolAnswersResourceExhausted) {
  ServerConfig config = TestConfig();
  config.workers = 1;
  config.worker_queue = 1;
  ProbeServer server(config);
  // Occupy the one worker and the one queue slot directly, so that the pool is
  // full before the call arrives.
  jixiao::testing::WorkerPoolFiller filler(server.runner().workers());
  ASSERT_TRUE(filler.ok());

  UnaryResult refused = CallUnary(server.channel(), kBlockingMethod, "x");
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(server.gate().entered(), 0) << "refused work must not run";
  EXPECT_THAT(
      server.log().LinesContaining({"event=rpc", "status=RESOURCE_EXHAUSTED", "level=warn"}),
      SizeIs(1));

  filler.Release();  // the queue is empty again
  server.gate().Open();
  EXPECT_TRUE(CallUnary(server.channel(), kBlockingMethod, "x").status.ok());
}

TEST(ServerRunnerTest, QueuedWorkOfACancelledCallIsSkipped) {
  ServerConfig config = TestConfig();
  config.workers = 1;
  ProbeServer server(config);
  jixiao::testing::WorkerPoolFiller blocker(server.runner().workers(),
                                            jixiao::testing::WorkerPoolFiller::Fill::kWorkers);
  ASSERT_TRUE(blocker.ok());

  // Queued behind the busy worker until its deadline cancels it.
  UnaryResult expired =
      CallUnary(server.channel(), kBlockingMethod, "late", absl::Milliseconds(200));
  EXPECT_EQ(expired.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The server's side of the cancellation (OnCancel) has run once it logged the call.
  ASSERT_TRUE(server.log().WaitForLine(
      {"method=/jixiao.testing.Probe/Blocking", "status=CANCELLED"}, kPatience));
  blocker.Release();
  server.gate().Open();  // should the work run after all, it must not hang the test
  server.runner().RequestShutdown();
  server.runner().Wait();  // the pool has run or skipped everything by now
  EXPECT_EQ(server.gate().entered(), 0);
}

TEST(ServerRunnerTest, DrainDeadlineCancelsCallsStillQueued) {
  ServerConfig config = TestConfig();
  config.workers = 1;
  config.drain = absl::Milliseconds(300);
  ProbeServer server(config);
  jixiao::testing::WorkerPoolFiller blocker(server.runner().workers(),
                                            jixiao::testing::WorkerPoolFiller::Fill::kWorkers);
  ASSERT_TRUE(blocker.ok());
  std::unique_ptr<testing::PendingUnary> queued =
      StartUnary(server.channel(), kBlockingMethod, "queued");
  ASSERT_TRUE(server.gate().WaitForHandled(1, kPatience));
  ASSERT_EQ(server.runner().workers().queued(), 1u);

  // The drain deadline passes with the worker still busy: the queued call is
  // cancelled rather than holding the shutdown.
  BackgroundStop stop(server.runner());
  EXPECT_FALSE(queued->Get().status.ok());
  ASSERT_TRUE(server.log().WaitForLine(
      {"method=/jixiao.testing.Probe/Blocking", "status=CANCELLED"}, kPatience));
  blocker.Release();
  server.gate().Open();
  stop.Join();
  EXPECT_EQ(server.gate().entered(), 0);
}

TEST(ServerRunnerTest, DownstreamContextCarriesTheDeadline) {
  ProbeServer server;
  // The probe calls itself one hop down; that call must see the client's deadline.
  UnaryResult result = CallUnary(server.channel(), kHopMethod, "", absl::Seconds(7));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_NE(result.response, "none") << "the deadline was not propagated";
  const int remaining_ms = std::stoi(result.response);
  EXPECT_GT(remaining_ms, 0);
  // gRPC converts deadlines between the monotonic and the real-time clock on
  // the way, which can add a few milliseconds.
  EXPECT_LE(remaining_ms, 7100);
}

TEST(ServerRunnerTest, SecondServerOnTheSamePortFailsToStart) {
  ProbeServer first;
  ServerConfig config = TestConfig();
  config.listen = absl::StrCat("127.0.0.1:", first.port());
  logging::RecordingLogSink sink;
  ServerRunner second(config, logging::Logger(logging::LogLevel::kInfo, &sink));
  absl::StatusOr<int> port = second.Start();
  EXPECT_EQ(port.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(port.status().message()), HasSubstr(config.listen));
}

TEST(ServerRunnerTest, SigtermStopsRun) {
  logging::RecordingLogSink sink;
  ServerRunner runner(TestConfig(), logging::Logger(logging::LogLevel::kInfo, &sink));
  // gRPC refuses to build a server with no method at all.
  Gate gate;
  ProbeService probe(runner.workers(), gate);
  runner.AddService(kProbeServiceName, &probe);
  std::promise<int> listening;
  std::future<absl::Status> run = std::async(std::launch::async, [&] {
    bool started = false;
    absl::Status status = runner.Run([&](int port) {
      started = true;
      listening.set_value(port);
    });
    // A server that failed to start must not leave the test waiting for its port.
    if (!started) listening.set_value(0);
    return status;
  });
  ASSERT_GT(listening.get_future().get(), 0);
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  EXPECT_TRUE(run.get().ok());
  EXPECT_THAT(sink.LinesContaining({"event=signal", "signal=SIGTERM"}), SizeIs(1));
  EXPECT_THAT(sink.LinesContaining({"event=stopped"}), SizeIs(1));
}

}  // namespace
}  // namespace jixiao::server
