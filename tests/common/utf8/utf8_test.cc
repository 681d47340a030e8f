// The one UTF-8 decoder: round trips, what malformed input becomes, what may be
// stored, and cutting text without splitting a character.

#include "common/utf8/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace jixiao::utf8 {
namespace {

using namespace std::string_view_literals;

TEST(DecodeUtf8, ReadsOneCodePointPerCharacterOfEveryLength) {
  EXPECT_EQ(DecodeUtf8("a"), U"a");
  EXPECT_EQ(DecodeUtf8("é"), U"é");                          // 2 bytes
  EXPECT_EQ(DecodeUtf8("不少于"), U"不少于");                // 3 bytes each
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98\x80"), U"\U0001F600");  // 4 bytes
}

TEST(DecodeUtf8, RoundTripsThroughEncodeUtf8) {
  const std::string text = "绩效 100% 家次 é \U0001F600 end";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(text)), text);
  const std::u32string code_points = U"产出\u00E9\U0010FFFF\u0001";
  EXPECT_EQ(DecodeUtf8(EncodeUtf8(code_points)), code_points);
}

TEST(DecodeUtf8, MalformedBytesBecomeTheReplacementCharacter) {
  EXPECT_EQ(DecodeUtf8("a\xFF"
                       "b"),
            U"a\uFFFDb");                                                  // never a lead byte
  EXPECT_EQ(DecodeUtf8("\x80"), U"\uFFFD");                                // lone continuation
  EXPECT_EQ(DecodeUtf8("\xC0\xAF"), U"\uFFFD\uFFFD");                      // overlong '/'
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");            // surrogate U+D800
  EXPECT_EQ(DecodeUtf8("\xE4\xBA"), U"\uFFFD\uFFFD");                      // truncated 3-byte
  EXPECT_EQ(DecodeUtf8("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");  // past U+10FFFF
}

TEST(EncodeUtf8, ReplacesWhatIsNoCodePoint) {
  EXPECT_EQ(EncodeUtf8(std::u32string(1, char32_t{0xD800})), "\uFFFD");
  EXPECT_EQ(EncodeUtf8(std::u32string(1, char32_t{0x110000})), "\uFFFD");
}

TEST(IsStorableText, AcceptsWellFormedTextWithoutNul) {
  EXPECT_TRUE(IsStorableText(""));
  EXPECT_TRUE(IsStorableText("预算执行率 ≥ 95%"));
  EXPECT_TRUE(IsStorableText("\xF0\x9F\x98\x80"));
}

TEST(IsStorableText, RefusesNulOverlongSurrogatesAndTruncatedSequences) {
  EXPECT_FALSE(IsStorableText("a\0b"sv));
  EXPECT_FALSE(IsStorableText("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(IsStorableText("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsStorableText("\xED\xB0\x80"));      // surrogate U+DC00
  EXPECT_FALSE(IsStorableText("\xE4\xBA"));          // truncated 3-byte
  EXPECT_FALSE(IsStorableText("ok\xF0\x9F\x98"));    // truncated 4-byte at the end
  EXPECT_FALSE(IsStorableText("\xF5\x80\x80\x80"));  // past U+10FFFF
}

TEST(PrefixAtCharBoundary, KeepsTextThatFits) {
  EXPECT_EQ(PrefixAtCharBoundary("产出", 6), "产出");
  EXPECT_EQ(PrefixAtCharBoundary("产出", 100), "产出");
  EXPECT_EQ(PrefixAtCharBoundary("", 0), "");
}

TEST(PrefixAtCharBoundary, NeverSplitsACharacter) {
  const std::string text = "a产出é\U0001F600z";  // 1 + 3 + 3 + 2 + 4 + 1 bytes
  for (size_t max_bytes = 0; max_bytes <= text.size(); ++max_bytes) {
    const std::string_view prefix = PrefixAtCharBoundary(text, max_bytes);
    EXPECT_LE(prefix.size(), max_bytes);
    EXPECT_TRUE(IsStorableText(prefix)) << max_bytes;
    EXPECT_EQ(text.substr(0, prefix.size()), prefix);
    // The longest such prefix: one more character would not fit.
    if (prefix.size() < text.size()) {
      const size_t next = EncodeUtf8(DecodeUtf8(text.substr(prefix.size())).substr(0, 1)).size();
      EXPECT_GT(prefix.size() + next, max_bytes) << max_bytes;
    }
  }
  EXPECT_EQ(PrefixAtCharBoundary("产出", 5), "产");
  EXPECT_EQ(PrefixAtCharBoundary("产出", 2), "");
}

}  // namespace
}  // namespace jixiao::utf8
