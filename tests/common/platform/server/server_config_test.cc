#include "common/platform/server/server_config.h"

#include <string>
#include <vector>

#include "common/platform/options/option_checks.h"
#include "common/platform/server/listen_address.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_macros.h"

namespace jixiao::server {
namespace {

using ::testing::HasSubstr;

std::string ErrorOf(const absl::StatusOr<ServerConfig>& config) {
  EXPECT_FALSE(config.ok());
  return std::string(config.status().message());
}

absl::StatusOr<ServerConfig> Load(std::vector<std::string> args,
                                  const options::Environment& env = {}) {
  ServerOptions options("svc", "", "127.0.0.1:50051");
  return LoadServerConfig(options, args, env);
}

TEST(ServerConfigTest, CommonDefaults) {
  ASSERT_OK_AND_ASSIGN(ServerConfig config, Load({}));
  EXPECT_EQ(config.listen, "127.0.0.1:50051");
  EXPECT_FALSE(config.allow_plaintext);
  EXPECT_FALSE(config.reflection);
  EXPECT_EQ(config.max_concurrent_streams, 100);
  EXPECT_EQ(config.max_connection_age, absl::Minutes(5));
  EXPECT_EQ(config.workers, 4);
  EXPECT_EQ(config.worker_queue, 1024);
  EXPECT_EQ(config.drain, absl::Seconds(10));
  EXPECT_EQ(config.log_level, logging::LogLevel::kInfo);
  EXPECT_EQ(config.max_receive_message_bytes, 4 * 1024 * 1024);
}

TEST(ServerConfigTest, ReadsFlagsAndEnvironment) {
  const options::Environment env = {{"JIXIAO_WORKERS", "8"},
                                    {"JIXIAO_DRAIN_SECONDS", "3"},
                                    {"JIXIAO_LOG_LEVEL", "debug"},
                                    {"JIXIAO_LISTEN", "0.0.0.0:9"}};
  ASSERT_OK_AND_ASSIGN(ServerConfig config,
                       Load({"--listen", "127.0.0.1:0", "--worker-queue=16"}, env));
  EXPECT_EQ(config.listen, "127.0.0.1:0");
  EXPECT_EQ(config.workers, 8);
  EXPECT_EQ(config.worker_queue, 16);
  EXPECT_EQ(config.drain, absl::Seconds(3));
  EXPECT_EQ(config.log_level, logging::LogLevel::kDebug);
}

TEST(ServerConfigTest, PlaintextOffLoopbackOnlyWhenAllowed) {
  EXPECT_THAT(ErrorOf(Load({"--listen", "0.0.0.0:50051"})),
              HasSubstr("--listen 0.0.0.0:50051 is not a loopback address"));
  EXPECT_THAT(ErrorOf(Load({}, {{"JIXIAO_LISTEN", "10.0.0.7:1"}})), HasSubstr("--allow-plaintext"));
  ASSERT_OK_AND_ASSIGN(ServerConfig flag, Load({"--listen", "0.0.0.0:1", "--allow-plaintext"}));
  EXPECT_TRUE(flag.allow_plaintext);
  ASSERT_OK_AND_ASSIGN(ServerConfig variable,
                       Load({"--listen", "[::]:1"}, {{"JIXIAO_ALLOW_PLAINTEXT", "true"}}));
  EXPECT_TRUE(variable.allow_plaintext);
  EXPECT_THAT(ErrorOf(Load({"--listen", "0.0.0.0:1"}, {{"JIXIAO_ALLOW_PLAINTEXT", "false"}})),
              HasSubstr("not a loopback address"));
  ASSERT_OK_AND_ASSIGN(ServerConfig reflection, Load({}, {{"JIXIAO_REFLECTION", "1"}}));
  EXPECT_TRUE(reflection.reflection);
}

TEST(ServerConfigTest, ServicesAddTheirOwnKeysAndDefaults) {
  ServerOptions options("jixiao-scoring", "", "127.0.0.1:50052");
  std::string redis = "redis://127.0.0.1:6379";
  options.set()
      .Add("--redis", redis, "scorecard cache", "JIXIAO_REDIS")
      ->check(options::NonEmpty());
  ASSERT_OK_AND_ASSIGN(ServerConfig config,
                       LoadServerConfig(options, {}, {{"JIXIAO_REDIS", "redis://cache:6379/2"}}));
  EXPECT_EQ(config.listen, "127.0.0.1:50052");
  EXPECT_EQ(redis, "redis://cache:6379/2");
  EXPECT_THAT(options.set().Usage(), HasSubstr("scorecard cache [JIXIAO_REDIS]"));
}

TEST(ServerConfigTest, ClearErrors) {
  EXPECT_EQ(ErrorOf(Load({"--listen=127.0.0.1:abc"})),
            "--listen must be HOST:PORT with PORT in 0..65535, got \"127.0.0.1:abc\"");
  EXPECT_EQ(ErrorOf(Load({}, {{"JIXIAO_WORKERS", "0"}})),
            "JIXIAO_WORKERS must be an integer in 1..256, got \"0\"");
  EXPECT_EQ(ErrorOf(Load({"--log-level=loud"})),
            "--log-level must be one of debug, info, warn, error, got \"loud\"");
  EXPECT_EQ(ErrorOf(Load({"--drain-seconds=1.5"})),
            "--drain-seconds must be an integer in 0..3600, got \"1.5\"");
  EXPECT_EQ(ErrorOf(Load({"--threads=4"})), "unknown option --threads (see --help)");
}

TEST(ServerConfigTest, ExitCodeForConfig) {
  ServerOptions options("svc", "", "127.0.0.1:50051");
  EXPECT_EQ(ExitCodeForConfig(LoadServerConfig(options, {"--help"}, {}), options), 0);
  EXPECT_EQ(ExitCodeForConfig(LoadServerConfig(options, {"--nope=1"}, {}), options), 2);
  EXPECT_EQ(ExitCodeForConfig(LoadServerConfig(options, std::vector<std::string>{}, {}), options),
            std::nullopt);
}

TEST(ListenAddressTest, ParsesHostsAndPorts) {
  ASSERT_OK_AND_ASSIGN(ListenAddress v4, ParseListenAddress("127.0.0.1:0"));
  EXPECT_EQ(v4.host, "127.0.0.1");
  EXPECT_EQ(v4.port, 0);
  ASSERT_OK_AND_ASSIGN(ListenAddress v6, ParseListenAddress("[::]:50051"));
  EXPECT_EQ(v6.host, "[::]");
  EXPECT_EQ(v6.port, 50051);
  EXPECT_TRUE(ParseListenAddress("localhost:65535").ok());
}

TEST(ListenAddressTest, KnowsLoopback) {
  for (const char* loopback : {"127.0.0.1:0", "127.1.2.3:80", "[::1]:1", "localhost:8080"}) {
    EXPECT_TRUE(IsLoopbackListen(loopback)) << loopback;
  }
  for (const char* other : {"0.0.0.0:1", "[::]:1", "10.0.0.1:1", "jixiao:1", "127.0.0.1"}) {
    EXPECT_FALSE(IsLoopbackListen(other)) << other;
  }
}

TEST(ListenAddressTest, RefusesMalformedAddresses) {
  for (const char* bad : {"", "50051", ":50051", "host:", "host:65536", "host:-1", "::1:80",
                          "host:8o", "host name:80", "host:123456"}) {
    EXPECT_FALSE(ParseListenAddress(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace jixiao::server
