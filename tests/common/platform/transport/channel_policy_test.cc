// The channel policy (channel_policy.h) with two replicas behind one target:
// calls are spread over both, and a replica that stops with a lame-duck period
// costs its clients no failed call.

#include "common/platform/transport/channel_policy.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/logging/recording_log_sink.h"
#include "common/platform/server/server_runner.h"
#include "common/platform/transport/transport_security.h"
#include "tests/common/platform/server/probe_service.h"
#include "tests/common/platform/server/test_client.h"

namespace jixiao::transport {
namespace {

using server::testing::CallUnary;
using server::testing::Gate;
using server::testing::kEchoMethod;
using server::testing::kProbeServiceName;
using server::testing::kUnavailableMethod;
using server::testing::ProbeService;
using server::testing::UnaryResult;

// One replica: the probe service on a runner of its own, stopping with a lame duck.
class Replica {
 public:
  Replica()
      : runner_(Config(), logging::Logger(logging::LogLevel::kInfo, &sink_)),
        probe_(runner_.workers(), gate_) {
    runner_.AddService(kProbeServiceName, &probe_);
    absl::StatusOr<int> port = runner_.Start();
    EXPECT_TRUE(port.ok()) << port.status();
    port_ = port.value_or(0);
  }
  ~Replica() {
    gate_.Open();
    runner_.RequestShutdown();
    runner_.Wait();
  }

  server::ServerRunner& runner() { return runner_; }
  int port() const { return port_; }
  // Echo calls this replica has answered, from its log.
  size_t echoes() const { return calls("Probe/Echo"); }
  size_t calls(absl::string_view method) const {
    return sink_.LinesContaining({"event=rpc", method}).size();
  }

 private:
  static server::ServerConfig Config() {
    server::ServerConfig config;
    config.listen = "127.0.0.1:0";
    config.workers = 2;
    config.lame_duck = absl::Seconds(1);
    config.drain = absl::Seconds(10);
    return config;
  }

  logging::RecordingLogSink sink_;
  Gate gate_;
  server::ServerRunner runner_;
  ProbeService probe_;
  int port_ = 0;
};

std::shared_ptr<grpc::Channel> OpenToBoth(const Replica& a, const Replica& b) {
  absl::StatusOr<ChannelFactory> channels = ChannelFactory::Create(TransportSecurity{});
  EXPECT_TRUE(channels.ok()) << channels.status();
  return channels->Open(absl::StrCat("ipv4:127.0.0.1:", a.port(), ",127.0.0.1:", b.port()));
}

// Polls `done` until it holds; false after `patience`. The events awaited take
// milliseconds; the bound only turns a hang into a failure.
template <typename Predicate>
bool Eventually(Predicate done, absl::Duration patience = absl::Seconds(20)) {
  const absl::Time deadline = absl::Now() + patience;
  while (!done()) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(1));
  }
  return true;
}

TEST(ChannelPolicyTest, SpreadsCallsOverEveryAddressOfTheTarget) {
  Replica a;
  Replica b;
  std::shared_ptr<grpc::Channel> channel = OpenToBoth(a, b);
  // The first calls go to whichever replica is ready first.
  ASSERT_TRUE(Eventually([&] {
    EXPECT_TRUE(CallUnary(channel, kEchoMethod, "x").status.ok());
    return a.echoes() > 0 && b.echoes() > 0;
  }));
  const size_t a_before = a.echoes();
  const size_t b_before = b.echoes();
  for (int i = 0; i < 20; ++i) {
    UnaryResult echo = CallUnary(channel, kEchoMethod, "x");
    ASSERT_TRUE(echo.status.ok()) << echo.status.error_message();
  }
  // round_robin: one each in turn.
  EXPECT_EQ(a.echoes() - a_before, 10u);
  EXPECT_EQ(b.echoes() - b_before, 10u);
}

TEST(ChannelPolicyTest, AReplicaStoppingCostsNoCall) {
  Replica a;
  Replica b;
  std::shared_ptr<grpc::Channel> channel = OpenToBoth(a, b);
  // One caller, one call after another, until told to stop; every failure kept.
  std::atomic<bool> keep_calling{true};
  std::atomic<int> calls{0};
  std::vector<grpc::Status> failures;
  std::thread caller([&] {
    while (keep_calling.load()) {
      UnaryResult echo = CallUnary(channel, kEchoMethod, "x");
      if (!echo.status.ok()) failures.push_back(echo.status);
      calls.fetch_add(1);
    }
  });
  // Both replicas serve before the stop, and b goes on serving after it.
  const bool both_served = Eventually([&] { return a.echoes() > 0 && b.echoes() > 0; });
  a.runner().RequestShutdown();
  a.runner().Wait();  // the lame duck (1 s), then the drain
  const size_t b_after_stop = b.echoes();
  const bool b_served_on = Eventually([&] { return b.echoes() >= b_after_stop + 20; });
  keep_calling.store(false);
  caller.join();

  EXPECT_TRUE(both_served);
  EXPECT_TRUE(b_served_on);
  ASSERT_TRUE(failures.empty()) << failures.size() << " of " << calls.load()
                                << " calls failed, the first with " << failures.front().error_code()
                                << ": " << failures.front().error_message();
}

// A handler's UNAVAILABLE (its dependency down, retried already by the channel
// under it) carries a pushback that stops its caller's channel from retrying.
TEST(ChannelPolicyTest, AHandlersUnavailableIsNotRetried) {
  Replica a;
  Replica b;
  std::shared_ptr<grpc::Channel> channel = OpenToBoth(a, b);
  UnaryResult refused = CallUnary(channel, kUnavailableMethod, "scoring is down");
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(refused.status.error_message(), "scoring is down");
  EXPECT_EQ(a.calls("Probe/Unavailable") + b.calls("Probe/Unavailable"), 1u);
}

}  // namespace
}  // namespace jixiao::transport
