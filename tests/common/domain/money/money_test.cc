#include "common/domain/money/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace jixiao::money {
namespace {

TEST(ParseAmountFen, WanYuanWithSeparatorsAndDecimals) {
  EXPECT_EQ(*ParseAmountFen("6,087.40", AmountUnit::kWanYuan), 6'087'400'000);
  EXPECT_EQ(*ParseAmountFen("28,825.37", AmountUnit::kWanYuan), 28'825'370'000);
  EXPECT_EQ(*ParseAmountFen("3924.185582", AmountUnit::kWanYuan), 3'924'185'582);
  EXPECT_EQ(*ParseAmountFen("0", AmountUnit::kWanYuan), 0);
  EXPECT_EQ(*ParseAmountFen("-14.91", AmountUnit::kWanYuan), -14'910'000);
}

TEST(ParseAmountFen, YiAndYuan) {
  EXPECT_EQ(*ParseAmountFen("12.05", AmountUnit::kYiYuan), 120'500'000'000);
  EXPECT_EQ(*ParseAmountFen("1.5", AmountUnit::kYuan), 150);
}

TEST(ParseAmountFen, RefusesWhatIsNotAnExactAmount) {
  EXPECT_FALSE(ParseAmountFen("", AmountUnit::kWanYuan).ok());
  EXPECT_FALSE(ParseAmountFen("12a", AmountUnit::kWanYuan).ok());
  EXPECT_FALSE(ParseAmountFen(",12", AmountUnit::kWanYuan).ok());
  EXPECT_FALSE(ParseAmountFen("1.2.3", AmountUnit::kWanYuan).ok());
  // 0.001 元 is below one 分.
  EXPECT_FALSE(ParseAmountFen("0.001", AmountUnit::kYuan).ok());
  EXPECT_FALSE(ParseAmountFen("99999999999999999999", AmountUnit::kWanYuan).ok());
}

// The whole part fits in int64_t 分 but whole + fraction overflowed it: undefined
// behaviour, read as a negative amount (fuzz/regressions/target_table_import/).
TEST(ParseAmountFen, RefusesAnAmountWhoseFractionTakesItPastTheLargest) {
  EXPECT_EQ(*ParseAmountFen("9223372036854.775807", AmountUnit::kWanYuan),
            std::numeric_limits<int64_t>::max());
  EXPECT_FALSE(ParseAmountFen("9223372036854.775808", AmountUnit::kWanYuan).ok());
  EXPECT_FALSE(ParseAmountFen("9223372036854.999999", AmountUnit::kWanYuan).ok());
  EXPECT_FALSE(ParseAmountFen("-9223372036854.999999", AmountUnit::kWanYuan).ok());
  EXPECT_FALSE(ParseAmountFen("92233720368547758.08", AmountUnit::kYuan).ok());
}

TEST(FormatWanYuan, KeepsTwoDecimalsOrAsManyAsNeeded) {
  EXPECT_EQ(FormatWanYuan(6'087'400'000), "6087.40");
  EXPECT_EQ(FormatWanYuan(3'924'185'582), "3924.185582");
  EXPECT_EQ(FormatWanYuan(0), "0.00");
  EXPECT_EQ(FormatWanYuan(-14'910'000), "-14.91");
}

}  // namespace
}  // namespace jixiao::money
