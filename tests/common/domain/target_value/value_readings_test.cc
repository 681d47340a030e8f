// The readings of parser version 2: magnitudes, 百分比, rates as units, every
// comparator form, the values of the published tables, and the parser version.

#include <string>
#include <vector>

#include "common/domain/target_value/parser_version.h"
#include "common/domain/target_value/target_value_parser.h"
#include "gtest/gtest.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::Comparator;
using jixiao::v1::ParsedValue;

struct Reading {
  std::string text;
  Comparator comparator;
  double number;
  std::string unit;
  int magnitude = 0;
};

void ExpectReads(const Reading& r) {
  SCOPED_TRACE(r.text);
  const ParsedValue v = ParseValue(r.text);
  ASSERT_EQ(v.kind(), jixiao::v1::VALUE_KIND_QUANTITY) << v.ShortDebugString();
  EXPECT_EQ(v.comparator(), r.comparator);
  EXPECT_DOUBLE_EQ(v.number(), r.number);
  EXPECT_EQ(v.unit(), r.unit);
  EXPECT_EQ(v.magnitude(), r.magnitude);
  EXPECT_TRUE(v.reason().empty()) << v.reason();
}

TEST(ValueReadings, MagnitudeIsThePowerOfTheMultiplier) {
  for (const Reading& r : std::vector<Reading>{
           {"90万元", jixiao::v1::COMPARATOR_EQ, 900000, "元", 4},
           {"≤90万元", jixiao::v1::COMPARATOR_LE, 900000, "元", 4},
           {"1亿", jixiao::v1::COMPARATOR_EQ, 1e8, "", 8},
           {"1.1万亿元", jixiao::v1::COMPARATOR_EQ, 1.1e12, "元", 12},
           {"3千万元", jixiao::v1::COMPARATOR_EQ, 3e7, "元", 7},
           {"2百万元", jixiao::v1::COMPARATOR_EQ, 2e6, "元", 6},
           {"90", jixiao::v1::COMPARATOR_EQ, 90, "", 0},
           {"10万人次", jixiao::v1::COMPARATOR_EQ, 100000, "人次", 4},
       }) {
    ExpectReads(r);
  }
}

TEST(ValueReadings, PercentWrittenAsAWord) {
  ExpectReads({"≥100百分比", jixiao::v1::COMPARATOR_GE, 100, "%"});
  ExpectReads({"95百分比以上", jixiao::v1::COMPARATOR_GE, 95, "%"});
  // 百分点 and ‰ keep their own meaning.
  ExpectReads({"2个百分点", jixiao::v1::COMPARATOR_EQ, 2, "百分点"});
  ExpectReads({"≤3‰", jixiao::v1::COMPARATOR_LE, 3, "‰"});
}

TEST(ValueReadings, RatesAreOneUnit) {
  ExpectReads({"780元/生/年", jixiao::v1::COMPARATOR_EQ, 780, "元/生/年"});
  ExpectReads({"≤0.1万元/人", jixiao::v1::COMPARATOR_LE, 1000, "元/人", 4});
  ExpectReads({"1000元/人", jixiao::v1::COMPARATOR_EQ, 1000, "元/人"});
  ExpectReads({"5元/月", jixiao::v1::COMPARATOR_EQ, 5, "元/月"});
  ExpectReads({"20人次", jixiao::v1::COMPARATOR_EQ, 20, "人次"});
  // A slash before a number is no rate: two numbers are no value.
  EXPECT_EQ(ParseValue("50件/100件").kind(), jixiao::v1::VALUE_KIND_QUALITATIVE);
}

TEST(ValueReadings, EveryWidthOfEveryComparatorSymbol) {
  for (const std::string ge : {"≥", ">=", "=>", "＞＝", "＝＞", "≧", "⩾", "﹥="}) {
    ExpectReads({ge + "5家", jixiao::v1::COMPARATOR_GE, 5, "家"});
  }
  for (const std::string le : {"≤", "<=", "=<", "＜＝", "≦", "⩽", "﹤="}) {
    ExpectReads({le + "5家", jixiao::v1::COMPARATOR_LE, 5, "家"});
  }
  for (const std::string gt : {">", "＞", "﹥"}) {
    ExpectReads({gt + "5家", jixiao::v1::COMPARATOR_GT, 5, "家"});
  }
  for (const std::string eq : {"=", "＝", "﹦"}) {
    ExpectReads({eq + "5家", jixiao::v1::COMPARATOR_EQ, 5, "家"});
  }
}

// The values the published tables print (their targets and actuals).
TEST(ValueReadings, ValuesOfThePublishedTables) {
  for (const Reading& r : std::vector<Reading>{
           {">=24500人", jixiao::v1::COMPARATOR_GE, 24500, "人"},
           {">=95.00%", jixiao::v1::COMPARATOR_GE, 95, "%"},
           {"=100.00%", jixiao::v1::COMPARATOR_EQ, 100, "%"},
           {"<=4758万元", jixiao::v1::COMPARATOR_LE, 47580000, "元", 4},
           {"<=6962人", jixiao::v1::COMPARATOR_LE, 6962, "人"},
           {"95%以上", jixiao::v1::COMPARATOR_GE, 95, "%"},
           {"≥2倍", jixiao::v1::COMPARATOR_GE, 2, "倍"},
           {"10倍", jixiao::v1::COMPARATOR_EQ, 10, "倍"},
           {"115.25%", jixiao::v1::COMPARATOR_EQ, 115.25, "%"},
           {"≥80%", jixiao::v1::COMPARATOR_GE, 80, "%"},
           {"63人", jixiao::v1::COMPARATOR_EQ, 63, "人"},
           {"780元/生/年", jixiao::v1::COMPARATOR_EQ, 780, "元/生/年"},
           {"2万元", jixiao::v1::COMPARATOR_EQ, 20000, "元", 4},
           {"50件", jixiao::v1::COMPARATOR_EQ, 50, "件"},
           {"100%", jixiao::v1::COMPARATOR_EQ, 100, "%"},
           {"32.1公里", jixiao::v1::COMPARATOR_EQ, 32.1, "公里"},
       }) {
    ExpectReads(r);
  }
  const ParsedValue raise = ParseValue("=提高");
  EXPECT_EQ(raise.kind(), jixiao::v1::VALUE_KIND_QUALITATIVE);
  EXPECT_EQ(raise.judgement(), jixiao::v1::JUDGEMENT_ACHIEVED);
  EXPECT_EQ(ParseValue("已完成").judgement(), jixiao::v1::JUDGEMENT_ACHIEVED);
  EXPECT_EQ(ParseValue("未完成").judgement(), jixiao::v1::JUDGEMENT_NOT_ACHIEVED);
  EXPECT_EQ(ParseValue("有效").judgement(), jixiao::v1::JUDGEMENT_ACHIEVED);
}

TEST(ValueReadings, EveryValueCarriesTheParserVersion) {
  for (const char* text : {"90万元", "2024年3月底前", "及时", "一是……；二是……。", "无", "",
                           "增长 5%", "与上年持平", "PM2.5"}) {
    EXPECT_EQ(ParseValue(text).parser_version(), kParserVersion) << text;
  }
}

TEST(ValueReadings, OnlyQualitativeValuesAreJudged) {
  EXPECT_EQ(ParseValue("100%").judgement(), jixiao::v1::JUDGEMENT_UNSPECIFIED);
  EXPECT_EQ(ParseValue("无").judgement(), jixiao::v1::JUDGEMENT_UNSPECIFIED);  // absent
  EXPECT_EQ(ParseValue("推动入库项目顺利落地。").judgement(), jixiao::v1::JUDGEMENT_UNSPECIFIED);
}

}  // namespace
}  // namespace jixiao::target_value
