// Pipelining sends the whole batch before reading any reply, and sends each argument with its
// exact length. Checked against BatchReplyServer, which withholds every reply until the full
// batch has arrived: per-command round trips would time out instead.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_pool.h"
#include "tests/common/platform/redis/batch_reply_server.h"
#include "tests/support/status_macros.h"

namespace jixiao::redis {
namespace {

TEST(PipelineRoundTripTest, WholeBatchIsSentBeforeAnyReplyIsAwaited) {
  constexpr int kCommands = 300;
  std::vector<RedisCommand> commands;
  std::string expected_request;
  std::string replies;
  for (int i = 0; i < kCommands; ++i) {
    // Binary values: NUL, CR LF and RESP-looking bytes inside arguments.
    std::string value = absl::StrCat("v", i, std::string("\0\r\n*2\r\n$", 8));
    commands.push_back({"SET", absl::StrCat("key:", i), value});
    expected_request += EncodeRespCommand(commands.back());
    absl::StrAppend(&replies, ":", i, "\r\n");
  }

  ASSERT_OK_AND_ASSIGN(std::unique_ptr<BatchReplyServer> server,
                       BatchReplyServer::Start(expected_request.size(), replies));

  RedisConfig config;
  config.host = "127.0.0.1";
  config.port = server->port();
  config.pool_size = 1;
  config.command_timeout = absl::Seconds(5);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<RedisPool> pool, RedisPool::Create(config));

  absl::StatusOr<std::vector<RedisReply>> got = pool->Pipeline(commands);
  ASSERT_TRUE(got.ok()) << got.status() << " (the server replies only after the whole batch)";
  ASSERT_EQ(got->size(), static_cast<size_t>(kCommands));
  for (int i = 0; i < kCommands; ++i) EXPECT_EQ((*got)[i], RedisReply::Integer(i)) << i;

  EXPECT_TRUE(server->received_full_request());
  EXPECT_EQ(server->received(), expected_request) << "arguments must go out length-prefixed";
}

}  // namespace
}  // namespace jixiao::redis
