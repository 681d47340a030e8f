// Taking URLs apart: the parts as written, hosts and ports, escapes, queries.

#include "common/platform/url/url.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/status_macros.h"

namespace jixiao::url {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(SplitUrlTest, EveryPart) {
  ASSERT_OK_AND_ASSIGN(auto parts,
                       SplitUrl("PostgreSQL://u:p@db.internal:5432/jixiao?sslmode=require#top"));
  EXPECT_EQ(parts.scheme, "postgresql");
  EXPECT_TRUE(parts.has_authority);
  EXPECT_EQ(parts.authority, "u:p@db.internal:5432");
  EXPECT_EQ(parts.path, "/jixiao");
  EXPECT_TRUE(parts.has_query);
  EXPECT_EQ(parts.query, "sslmode=require");
  EXPECT_TRUE(parts.has_fragment);
  EXPECT_EQ(parts.fragment, "top");
}

TEST(SplitUrlTest, WithoutAnAuthority) {
  ASSERT_OK_AND_ASSIGN(auto parts, SplitUrl("sqlite::memory:"));
  EXPECT_EQ(parts.scheme, "sqlite");
  EXPECT_FALSE(parts.has_authority);
  EXPECT_EQ(parts.path, ":memory:");
  EXPECT_FALSE(parts.has_query);
  EXPECT_FALSE(parts.has_fragment);
}

TEST(SplitUrlTest, EmptyAuthorityThenAbsolutePath) {
  ASSERT_OK_AND_ASSIGN(auto parts, SplitUrl("sqlite:///data/x.db"));
  EXPECT_TRUE(parts.has_authority);
  EXPECT_EQ(parts.authority, "");
  EXPECT_EQ(parts.path, "/data/x.db");
}

TEST(SplitUrlTest, AQueryEndsTheAuthority) {
  ASSERT_OK_AND_ASSIGN(auto parts, SplitUrl("redis://h:1?db=2"));
  EXPECT_EQ(parts.authority, "h:1");
  EXPECT_EQ(parts.path, "");
  EXPECT_EQ(parts.query, "db=2");
}

TEST(SplitUrlTest, NeedsAScheme) {
  EXPECT_EQ(SplitUrl("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SplitUrl("reports.db").status().code(), absl::StatusCode::kInvalidArgument);
}

absl::StatusOr<Authority> AuthorityOf(absl::string_view url) {
  auto parts = SplitUrl(url);
  if (!parts.ok()) return parts.status();
  return ParseAuthority(*parts, 6379);
}

TEST(ParseAuthorityTest, UserPasswordHostPort) {
  ASSERT_OK_AND_ASSIGN(auto authority, AuthorityOf("postgresql://jixiao:s%40cret@db:5432/x"));
  EXPECT_TRUE(authority.has_user_info);
  EXPECT_EQ(authority.user, "jixiao");
  EXPECT_TRUE(authority.has_password);
  EXPECT_EQ(authority.password, "s@cret");
  EXPECT_EQ(authority.host, "db");
  EXPECT_EQ(authority.port, "5432");
}

TEST(ParseAuthorityTest, HostAlone) {
  ASSERT_OK_AND_ASSIGN(auto authority, AuthorityOf("redis://cache"));
  EXPECT_FALSE(authority.has_user_info);
  EXPECT_EQ(authority.host, "cache");
  EXPECT_EQ(authority.port, "");
}

TEST(ParseAuthorityTest, BracketedIpv6) {
  ASSERT_OK_AND_ASSIGN(auto authority, AuthorityOf("redis://[::1]:7000"));
  EXPECT_EQ(authority.host, "::1");
  EXPECT_EQ(authority.port, "7000");
}

TEST(ParseAuthorityTest, SaysWhatIsWrong) {
  EXPECT_THAT(AuthorityOf("redis://[::1").status().message(), HasSubstr("unclosed '['"));
  EXPECT_THAT(AuthorityOf("redis://[::1]x").status().message(),
              HasSubstr("expected ':port' after the IPv6 host"));
  EXPECT_THAT(AuthorityOf("redis://h:").status().message(), HasSubstr("empty port after ':'"));
  EXPECT_EQ(AuthorityOf("redis://::1:6379").status().message(),
            "an IPv6 host must be written in brackets, e.g. redis://[::1]:6379");
  EXPECT_THAT(AuthorityOf("redis://u%2@h").status().message(), HasSubstr("bad %-escape"));
}

TEST(ParsePortTest, DigitsInRange) {
  EXPECT_EQ(*ParsePort("1"), 1);
  EXPECT_EQ(*ParsePort("65535"), 65535);
  for (const char* bad : {"", "0", "65536", "+80", " 80", "80x", "000000080"}) {
    EXPECT_EQ(ParsePort(bad).status().message(),
              std::string("port \"") + bad + "\" is not a number in 1..65535");
  }
}

TEST(PercentDecodeTest, UndoesEscapes) {
  EXPECT_EQ(*PercentDecode("/data/my%20reports%23.db"), "/data/my reports#.db");
  EXPECT_EQ(*PercentDecode("a+b"), "a+b");
  EXPECT_EQ(*PercentDecode("%41%4a%4A"), "AJJ");
}

TEST(PercentDecodeTest, NamesTheOffsetOfABadEscape) {
  EXPECT_EQ(PercentDecode("/data/x%2").status().message(), "bad %-escape at offset 7");
  EXPECT_EQ(PercentDecode("%zz").status().message(), "bad %-escape at offset 0");
}

TEST(ParseQueryTest, PairsInOrder) {
  ASSERT_OK_AND_ASSIGN(auto query,
                       ParseQuery("sslmode=require&options=-csearch_path%3Dx&&flag&name=a+b"));
  EXPECT_THAT(query, ElementsAre(Pair("sslmode", "require"), Pair("options", "-csearch_path=x"),
                                 Pair("flag", ""), Pair("name", "a b")));
  EXPECT_EQ(ParseQuery("a=%g0").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jixiao::url
