#include "common/platform/server/channel_target.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jixiao::server {
namespace {

using ::testing::HasSubstr;

TEST(ChannelTargetTest, AcceptsTheSupportedForms) {
  for (const char* target : {
           "scoring:50052",
           "127.0.0.1:50052",
           "[::1]:50052",
           "dns:///jixiao-scoring-headless.jixiao.svc.cluster.local:50052",
           "dns:scoring:50052",
           "ipv4:127.0.0.1:50052",
           "ipv4:10.0.0.7:50052,10.0.0.8:50052",
           "ipv6:[::1]:50052,[fe80::1]:50053",
           "unix:/run/jixiao/scoring.sock",
       }) {
    EXPECT_TRUE(CheckChannelTarget(target).ok()) << target << ": " << CheckChannelTarget(target);
  }
}

TEST(ChannelTargetTest, RefusesWhatGrpcWouldOnlyFailToConnectTo) {
  struct Case {
    const char* target;
    const char* message;
  };
  for (const Case& c : {
           Case{"", "empty"},
           Case{"scoring", "HOST:PORT"},
           Case{"scoring:0", "PORT in 1..65535"},
           Case{"scoring:65536", "HOST:PORT"},
           Case{"dns:///scoring", "dns: name"},
           Case{"dns://8.8.8.8/scoring:50052", "authority"},
           Case{"ipv4:", "ipv4: address"},
           Case{"ipv4:10.0.0.7:50052,", "ipv4: address ''"},
           Case{"ipv4:10.0.0.7:50052,10.0.0.8", "ipv4: address '10.0.0.8'"},
           Case{"ipv4:[::1]:50052", "IPv4 address"},
           Case{"ipv6:127.0.0.1:50052", "bracketed IPv6"},
           Case{"unix:", "socket path"},
       }) {
    absl::Status status = CheckChannelTarget(c.target);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.target;
    EXPECT_THAT(std::string(status.message()), HasSubstr(c.message)) << c.target;
  }
}

TEST(ChannelTargetTest, BoundsTheListAndTheLength) {
  std::string list = "ipv4:";
  for (size_t i = 0; i <= kMaxTargetAddresses; ++i) {
    list += (i == 0 ? "" : ",");
    list += "10.0.0.1:50052";
  }
  EXPECT_THAT(std::string(CheckChannelTarget(list).message()), HasSubstr("at most 64 addresses"));
  EXPECT_THAT(std::string(CheckChannelTarget(std::string(kMaxTargetLength + 1, 'a')).message()),
              HasSubstr("longer than 4096"));
}

}  // namespace
}  // namespace jixiao::server
