#include "common/platform/redis/redis_reply.h"

#include <gtest/gtest.h>

#include <string>

namespace jixiao::redis {
namespace {

TEST(RedisReplyTest, DefaultIsNil) {
  RedisReply reply;
  EXPECT_TRUE(reply.is_nil());
  EXPECT_EQ(reply, RedisReply::Nil());
  EXPECT_EQ(reply.DebugString(), "nil");
}

TEST(RedisReplyTest, ScalarsKeepTheirKindAndValue) {
  EXPECT_EQ(RedisReply::Integer(-7).integer(), -7);
  EXPECT_TRUE(RedisReply::Integer(-7).is_integer());
  EXPECT_TRUE(RedisReply::Status("OK").is_status());
  EXPECT_EQ(RedisReply::Status("OK").str(), "OK");
  EXPECT_TRUE(RedisReply::Error("ERR x").is_error());
  EXPECT_EQ(RedisReply::Error("ERR x").str(), "ERR x");
}

TEST(RedisReplyTest, StringsAreBinarySafe) {
  const std::string bytes("a\0b\r\n\xff", 6);
  RedisReply reply = RedisReply::String(bytes);
  EXPECT_TRUE(reply.is_string());
  EXPECT_EQ(reply.str().size(), 6u);
  EXPECT_EQ(reply.str(), bytes);
  EXPECT_EQ(reply.DebugString(), R"("a\x00\x62\r\n\xff")");
}

TEST(RedisReplyTest, KindsDifferEvenWithTheSameText) {
  EXPECT_NE(RedisReply::String("OK"), RedisReply::Status("OK"));
  EXPECT_NE(RedisReply::Status("OK"), RedisReply::Error("OK"));
  EXPECT_NE(RedisReply::Nil(), RedisReply::String(""));
  EXPECT_NE(RedisReply::Nil(), RedisReply::Array({}));
}

TEST(RedisReplyTest, ArraysNest) {
  RedisReply reply =
      RedisReply::Array({RedisReply::String("a"), RedisReply::Integer(1), RedisReply::Nil(),
                         RedisReply::Array({RedisReply::Error("ERR inner")})});
  ASSERT_TRUE(reply.is_array());
  ASSERT_EQ(reply.elements().size(), 4u);
  EXPECT_TRUE(reply.elements()[3].elements()[0].is_error());
  EXPECT_EQ(reply.DebugString(), "[\"a\", 1, nil, [error(ERR inner)]]");
  EXPECT_EQ(RedisReplyTypeName(reply.type()), "array");
}

TEST(RedisReplyTest, AccessorsOfOtherKindsAreEmpty) {
  RedisReply integer = RedisReply::Integer(3);
  EXPECT_TRUE(integer.str().empty());
  EXPECT_TRUE(integer.elements().empty());
  EXPECT_EQ(RedisReply::String("5").integer(), 0);
}

}  // namespace
}  // namespace jixiao::redis
