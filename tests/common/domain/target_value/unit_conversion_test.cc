#include "common/domain/target_value/unit_conversion.h"

#include "gtest/gtest.h"

namespace jixiao::target_value {
namespace {

TEST(UnitConversion, UnitsOfOneMeasureConvert) {
  EXPECT_EQ(UnitConversionFactor("公里", "米"), 1000);
  EXPECT_EQ(UnitConversionFactor("米", "公里"), 0.001);
  EXPECT_EQ(UnitConversionFactor("吨", "千克"), 1000);
  EXPECT_EQ(UnitConversionFactor("公斤", "千克"), 1);
  EXPECT_EQ(UnitConversionFactor("克", "公斤"), 0.001);
  EXPECT_EQ(UnitConversionFactor("平方公里", "平方米"), 1000000);
  EXPECT_EQ(UnitConversionFactor("小时", "分钟"), 60);
  EXPECT_EQ(UnitConversionFactor("‰", "%"), 0.1);
  EXPECT_EQ(UnitConversionFactor("家", "家"), 1);
}

TEST(UnitConversion, OtherUnitsDoNot) {
  EXPECT_FALSE(UnitConversionFactor("家", "人").has_value());
  EXPECT_FALSE(UnitConversionFactor("元", "元/人").has_value());
  EXPECT_FALSE(UnitConversionFactor("米", "吨").has_value());
  EXPECT_FALSE(UnitConversionFactor("天", "小时").has_value());
  EXPECT_FALSE(UnitConversionFactor("百分点", "%").has_value());
}

}  // namespace
}  // namespace jixiao::target_value
