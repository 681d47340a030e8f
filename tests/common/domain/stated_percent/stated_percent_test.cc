#include "common/domain/stated_percent/stated_percent.h"

#include <gtest/gtest.h>

#include "tests/support/status_macros.h"

namespace jixiao::stated_percent {
namespace {

TEST(StatedPercent, KeepsPrintedDecimals) {
  ASSERT_OK_AND_ASSIGN(auto p, Parse("98.5"));
  EXPECT_DOUBLE_EQ(p.value, 98.5);
  EXPECT_EQ(p.decimals, 1);
  EXPECT_EQ(Parse("80.00")->decimals, 2);
  EXPECT_EQ(Parse("100")->decimals, 0);
  EXPECT_DOUBLE_EQ(Parse("-41.36")->value, -41.36);
}

TEST(StatedPercent, RefusesWhatIsNotADecimal) {
  EXPECT_FALSE(Parse("").ok());
  EXPECT_FALSE(Parse("98.5%").ok());
  EXPECT_FALSE(Parse("abc").ok());
  EXPECT_FALSE(Parse("1.2.3").ok());
  EXPECT_FALSE(Parse("-").ok());
}

TEST(StatedPercent, ToleratesPublishedRoundingOnly) {
  // 天河区商务和金融工作局 2023: 28,404.48 / 28,825.37 = 98.540% printed as 98.5.
  EXPECT_TRUE(Matches(*Parse("98.5"), 100.0 * 2840448.0 / 2882537.0));
  // 荔湾区 2022: 1919.36 / 1588.4 = 120.836% printed as 120.83.
  EXPECT_TRUE(Matches(*Parse("120.83"), 100.0 * 1919.36 / 1588.4));
  // 天河区贸促会 2023: 81.69 / 602.05 = 13.57% printed as 71.45.
  EXPECT_FALSE(Matches(*Parse("71.45"), 100.0 * 81.69 / 602.05));
  // Two decimals printed: 98.50 claims more precision than 98.54 has.
  EXPECT_FALSE(Matches(*Parse("98.50"), 98.54));
}

}  // namespace
}  // namespace jixiao::stated_percent
