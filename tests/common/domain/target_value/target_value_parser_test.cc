#include "common/domain/target_value/target_value_parser.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::Comparator;
using jixiao::v1::ParsedValue;
using jixiao::v1::ValueKind;

constexpr ValueKind kQuantity = jixiao::v1::VALUE_KIND_QUANTITY;
constexpr ValueKind kDeadline = jixiao::v1::VALUE_KIND_DEADLINE;
constexpr ValueKind kQualitative = jixiao::v1::VALUE_KIND_QUALITATIVE;
constexpr ValueKind kAbsent = jixiao::v1::VALUE_KIND_ABSENT;

constexpr Comparator kNone = jixiao::v1::COMPARATOR_UNSPECIFIED;
constexpr Comparator kEq = jixiao::v1::COMPARATOR_EQ;
constexpr Comparator kGe = jixiao::v1::COMPARATOR_GE;
constexpr Comparator kGt = jixiao::v1::COMPARATOR_GT;
constexpr Comparator kLe = jixiao::v1::COMPARATOR_LE;
constexpr Comparator kLt = jixiao::v1::COMPARATOR_LT;
constexpr Comparator kApprox = jixiao::v1::COMPARATOR_APPROX;

// One printed value and what it must parse to.
struct Case {
  std::string text;
  ValueKind kind = jixiao::v1::VALUE_KIND_UNSPECIFIED;
  Comparator comparator = kNone;
  double number = 0;
  std::string unit;
  bool growth = false;
  std::string deadline;
};

Case Make(std::string text, ValueKind kind) {
  Case c;
  c.text = std::move(text);
  c.kind = kind;
  return c;
}

Case Q(std::string text, Comparator comparator, double number, std::string unit = "") {
  Case c = Make(std::move(text), kQuantity);
  c.comparator = comparator;
  c.number = number;
  c.unit = std::move(unit);
  return c;
}

Case Growth(std::string text, Comparator comparator, double number) {
  Case c = Q(std::move(text), comparator, number, "%");
  c.growth = true;
  return c;
}

Case Deadline(std::string text, Comparator comparator, std::string deadline) {
  Case c = Make(std::move(text), kDeadline);
  c.comparator = comparator;
  c.deadline = std::move(deadline);
  return c;
}

Case Qualitative(std::string text) { return Make(std::move(text), kQualitative); }

Case AbsentCase(std::string text) { return Make(std::move(text), kAbsent); }

// Every target in the 2024 target table (年度指标值), in table order.
std::vector<Case> Targets2024() {
  return {
      Q("5个", kEq, 5, "个"),
      Q("区内受惠企业不少于10家", kGe, 10, "家"),
      Q("启动理赔流程后7个工作日内完成赔款", kLe, 7, "工作日"),
      Q("当触发预设的保险赔付条件，保险公司100%赔付到位", kEq, 100, "%"),
      Q("10个", kEq, 10, "个"),
      Q("引进广州首店20家", kEq, 20, "家"),
      Qualitative("精心打造广州国际购物节等重大节庆活动，加强品牌引进。"),
      Q("10家", kEq, 10, "家"),
      Qualitative("协助载体开展户外促销活动。"),
      Q("≥2场", kGe, 2, "场"),
      Q("≥0%", kGe, 0, "%"),
      Qualitative("指导和协助企业了解政策，用足用好政策。"),
      Q("≥1%", kGe, 1, "%"),
      Q("普法培训企业数量20家", kEq, 20, "家"),
      Q("小额贷款等类金融行业现场检查40次", kEq, 40, "次"),
      Q("企业合规整改次数20次", kEq, 20, "次"),
      Q("督促我区小额贷款等类金融行业10次整改", kEq, 10, "次"),
      Q("21次", kEq, 21, "次"),
      Q("20000份", kEq, 20000, "份"),
      Q("完成30次非法集资宣传活动", kEq, 30, "次"),
      Q(">100家", kGt, 100, "家"),
      Q(">8家", kGt, 8, "家"),
      Q("非法金融线索风险监测预警完成率100%", kEq, 100, "%"),
      Q("针对交办的非法金融等线索排查处置工作完成率100%", kEq, 100, "%"),
      Q(">10", kGt, 10),
      Q(">1000", kGt, 1000),
      Q("≥1次", kGe, 1, "次"),
      Q("印制≥5000册", kGe, 5000, "册"),
      Q("≥300家（次）", kGe, 300, "家次"),
      Qualitative("及时"),
      Q("100%", kEq, 100, "%"),
      Q("≥1", kGe, 1),
      Q("≥10", kGe, 10),
      Q("一年开展各项检查45次", kEq, 45, "次"),
      Q("购买份数40份", kEq, 40, "份"),
      Q("1次", kEq, 1, "次"),
      Qualitative("按要求落实结对帮扶工作"),
      Q("超500万", kGt, 5000000),
      Q("1家", kEq, 1, "家"),
      Qualitative("参与企业40家，其中四上企业至少30家以上"),
      Q("超1亿元", kGt, 100000000, "元"),
      Qualitative("推动天河区经济平稳运行和高质量发展，推动辖区消费转型升级。"),
      Q("50", kEq, 50),
      Qualitative("推动入库项目顺利落地。"),
      Q("10家以上", kGe, 10, "家"),
      Q("90%以上", kGe, 90, "%"),
      Deadline("2024年3月底前", kLe, "2024-03-31"),
      Q(">0", kGt, 0),
      Q("≥85%", kGe, 85, "%"),
      Q("≥2", kGe, 2),
      Q("不少于100场次", kGe, 100, "场次"),
      Q("不少于20家", kGe, 20, "家"),
      Q("不低于80%", kGe, 80, "%"),
      Q("摸查街道数≥21个", kGe, 21, "个"),
      Q("规划绿色分拣中心建设1处", kEq, 1, "处"),
      Q(">45个", kGt, 45, "个"),
      Q(">55个", kGt, 55, "个"),
      Q("≥90%", kGe, 90, "%"),
      Q("≥19%", kGe, 19, "%"),
      Q("≥65家", kGe, 65, "家"),
      Q("≥80%", kGe, 80, "%"),
      AbsentCase("无"),  // 实施周期指标值
  };
}

// Every target and actual in the 2023 self-evaluations.
std::vector<Case> SelfEvaluations2023() {
  return {
      Q("5个", kEq, 5, "个"),
      Q("1家", kEq, 1, "家"),
      Q("超过1家", kGt, 1, "家"),
      Q("50条", kEq, 50, "条"),
      Q("67条", kEq, 67, "条"),
      Q("多于100家", kGt, 100, "家"),
      Q("大于100家", kGt, 100, "家"),
      Growth("与上年持平", kGe, 0),
      Growth("增长 5%", kEq, 5),
      Q("100%", kEq, 100, "%"),
      Q("实际完成为 0", kEq, 0),
      Q("不少于1次", kGe, 1, "次"),
      Q("1次", kEq, 1, "次"),
      Growth("增长1%", kEq, 1),
      Growth("增长 5.54%", kEq, 5.54),
      Q("多于1000册", kGt, 1000, "册"),
      Q("1500册左右", kApprox, 1500, "册"),
      Q("50次", kEq, 50, "次"),
      Q("67次", kEq, 67, "次"),
      Q("10家", kEq, 10, "家"),
      Q("74家", kEq, 74, "家"),
      Q("大于300家次", kGt, 300, "家次"),
      Q("1000家次", kEq, 1000, "家次"),
      Q("17家", kEq, 17, "家"),
      Q("＞1000人", kGt, 1000, "人"),
      Q("5000人", kEq, 5000, "人"),
      Q("30次", kEq, 30, "次"),
      Q("32次", kEq, 32, "次"),
      Q("95%", kEq, 95, "%"),
      Qualitative("一是提供原产地证代签服务；二是加强商事法律培训服务。"),
      Qualitative("一是优化拓展商事法律服务，全年累计代办一般原产地证 1257 份、优惠原产地证 653 "
                  "份，合计 1910 份，其中优惠原产地证代签量同比增长 38%。"),
  };
}

// Forms the seeds do not contain but the issue asks for.
std::vector<Case> OtherForms() {
  return {
      Q("１２３个", kEq, 123, "个"),
      Q("６，０８７．４０万元", kEq, 60874000, "元"),
      Q("6,087.40万元", kEq, 60874000, "元"),
      Q("1,234,567元", kEq, 1234567, "元"),
      Q("1.5万", kEq, 15000),
      Q("1.1万亿元", kEq, 1.1e12, "元"),
      Q("2亿元", kEq, 200000000, "元"),
      Q("10万人次", kEq, 100000, "人次"),
      Q("≤5天", kLe, 5, "天"),
      Q("<=5天", kLe, 5, "天"),
      Q(">=5家", kGe, 5, "家"),
      Q("不超过3次", kLe, 3, "次"),
      Q("不高于5%", kLe, 5, "%"),
      Q("30天以内", kLe, 30, "天"),
      Q("7日内", kLe, 7, "天"),
      Q("10家以下", kLe, 10, "家"),
      Q("低于5%", kLt, 5, "%"),
      Q("<3", kLt, 3),
      Q("＜3", kLt, 3),
      Q("约100人", kApprox, 100, "人"),
      Q("≈100人", kApprox, 100, "人"),
      Q("约1500册左右", kApprox, 1500, "册"),
      Q("=5", kEq, 5),
      Q("＝5", kEq, 5),
      Q("至少30家以上", kGe, 30, "家"),
      Q("10余家", kGt, 10, "家"),
      Q("2个百分点", kEq, 2, "百分点"),
      Q("3个月", kEq, 3, "月"),
      Q("人(次)≥20人（次）", kGe, 20, "人次"),
      Q("签约5家", kEq, 5, "家"),
      Q("10家上下游企业", kEq, 10, "家"),
      Growth("下降 3%", kEq, -3),
      Growth("同比增长≥5%", kGe, 5),
      Growth("下降不超过3%", kGe, -3),
      Growth("增长率为8%", kEq, 8),
      Growth("与去年持平", kGe, 0),
      Growth("营业收入与2023年持平", kGe, 0),
      Deadline("2024年3月31日前", kLe, "2024-03-31"),
      Deadline("2024年底前", kLe, "2024-12-31"),
      Deadline("2024年年底前完成", kLe, "2024-12-31"),
      Deadline("于2024年6月30日之前完成验收", kLe, "2024-06-30"),
      Deadline("2024年2月底前", kLe, "2024-02-29"),
      Deadline("2023年2月底前", kLe, "2023-02-28"),
      Deadline("2024年3月20日", kEq, "2024-03-20"),
      Deadline("２０２４年３月底前", kLe, "2024-03-31"),
      Qualitative("3月底前"),
      Qualitative("年底前"),
      Qualitative("15日前完成"),
      Qualitative("2024年3月前"),
      Qualitative("2024年2月30日前"),
      Qualitative("2024年"),
      Qualitative("2025年前"),
      Qualitative("穗财商[2023]64号"),
      Qualitative("按穗财商〔2023〕64号文执行"),
      Qualitative("不超过10家以上"),
      Qualitative("约10家以上"),
      Qualitative("5G"),
      Qualitative("PM2.5"),
      Qualitative("50强企业"),
      Qualitative("收支持平"),
      Qualitative("增长5%，与上年持平"),
      AbsentCase(""),
      AbsentCase("   "),
      AbsentCase("\u3000"),
      AbsentCase("—"),
      AbsentCase("——"),
      AbsentCase("-"),
      AbsentCase("－"),
      AbsentCase("/"),
      AbsentCase(" 无 "),
  };
}

void ExpectParses(const Case& c) {
  SCOPED_TRACE(c.text);
  const ParsedValue v = ParseValue(c.text);
  EXPECT_EQ(v.kind(), c.kind) << v.ShortDebugString();
  if (c.kind == kQualitative || c.kind == kAbsent) {
    EXPECT_FALSE(v.reason().empty());
    EXPECT_EQ(v.number(), 0);
    return;
  }
  EXPECT_EQ(v.comparator(), c.comparator) << v.ShortDebugString();
  EXPECT_DOUBLE_EQ(v.number(), c.number);
  EXPECT_EQ(v.unit(), c.unit);
  EXPECT_EQ(v.growth(), c.growth);
  EXPECT_EQ(v.deadline(), c.deadline);
  EXPECT_TRUE(v.reason().empty()) << v.reason();
}

TEST(ParseValueTest, ReadsEvery2024Target) {
  for (const Case& c : Targets2024()) ExpectParses(c);
}

TEST(ParseValueTest, ReadsEvery2023TargetAndActual) {
  for (const Case& c : SelfEvaluations2023()) ExpectParses(c);
}

TEST(ParseValueTest, ReadsOtherForms) {
  for (const Case& c : OtherForms()) ExpectParses(c);
}

TEST(ParseValueTest, NamesTheQuantitiesWhenThereAreSeveral) {
  const ParsedValue v = ParseValue("参与企业40家，其中四上企业至少30家以上");
  EXPECT_EQ(v.kind(), kQualitative);
  EXPECT_EQ(v.reason(), "several quantities: 40家, 30家");
}

TEST(ParseValueTest, GivesReasons) {
  EXPECT_EQ(ParseValue("及时").reason(), "no number");
  EXPECT_EQ(ParseValue("3月底前").reason(), "deadline without a year: 3月底前");
  EXPECT_EQ(ParseValue("穗财商[2023]64号").reason(),
            "document number, not a value: 穗财商[2023]64号");
  EXPECT_EQ(ParseValue("无").reason(), "stated as none (无)");
  EXPECT_EQ(ParseValue("").reason(), "blank");
  EXPECT_EQ(ParseValue("PM2.5").reason(), "number inside a name, not a value: PM2.5");
  EXPECT_EQ(ParseValue("5G").reason(), "unknown unit after 5: G");
  EXPECT_EQ(ParseValue("2024年3月前").reason(),
            "month without a day or 底, ambiguous deadline: 2024年3月前");
}

// No text with two numbers that are not one date may yield a number: the parser must
// not pick one. Every pair of seed quantities, joined in the ways documents join
// them, stays without a number.
TEST(ParseValueTest, NeverTakesOneOfSeveralNumbers) {
  const std::vector<std::string> values = {"5个",      "≥2场",         "超1亿元",
                                           "90%以上",  "增长 5%",      "1500册左右",
                                           "＞1000人", "6,087.40万元", "50"};
  const std::vector<std::string> joins = {"", "，", "、", "和", "；其中", "-", "至", "~", " "};
  for (const std::string& a : values) {
    for (const std::string& b : values) {
      for (const std::string& join : joins) {
        // "50" + "5个" is the one number 505个; a space keeps them apart ("50 5个").
        if (join.empty() && a == "50" && std::isdigit(static_cast<unsigned char>(b[0]))) continue;
        const std::string text = a + join + b;
        const ParsedValue v = ParseValue(text);
        EXPECT_NE(v.kind(), kQuantity) << text << " → " << v.ShortDebugString();
        EXPECT_NE(v.kind(), kDeadline) << text << " → " << v.ShortDebugString();
      }
    }
  }
  for (const char* text : {"3-5家", "3至5家", "2024年完成10家", "2024年3月底前完成10家", "PM2.5≤35",
                           "40,30家", "1,2", "第1批10家", "增长5%，下降3%"}) {
    EXPECT_EQ(ParseValue(text).kind(), kQualitative) << text;
  }
}

// Whatever the bytes, the parser returns a kind, and a reason exactly when it took no
// value. Inputs are built from fragments that exercise every scanner, plus malformed
// UTF-8, by a fixed linear congruential sequence so that failures reproduce.
TEST(ParseValueTest, AlwaysReturnsAKindAndAReasonWhenNoValue) {
  const std::vector<std::string> fragments = {
      // Numbers and their separators and signs.
      "1", "0", "2024", "12", ",", ".", "-", "+",
      // Dates and document numbers.
      "年", "月", "底", "日", "前", "号", "[", "]", "〔", "〕",
      // Magnitudes, units, comparators, growth and none.
      "万", "亿", "元", "%", "个", "工作日", "内", "以上", "以下", "≥", ">", "约", "左右", "增长",
      "下降", "持平", "与上年", "，", " ", "无", "—", "P",
      // Malformed UTF-8 and full-width forms.
      "\xff", "\xe5\xae", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "１", "．", "（次）"};
  std::uint32_t state = 12345;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    state = state * 1103515245u + 12345u;
    const int pieces = 1 + static_cast<int>((state >> 16) % 8);
    for (int i = 0; i < pieces; ++i) {
      state = state * 1103515245u + 12345u;
      text += fragments[(state >> 16) % fragments.size()];
    }
    const ParsedValue v = ParseValue(text);
    ASSERT_NE(v.kind(), jixiao::v1::VALUE_KIND_UNSPECIFIED) << text;
    const bool took_value = v.kind() == kQuantity || v.kind() == kDeadline;
    ASSERT_EQ(v.reason().empty(), took_value) << text << " → " << v.ShortDebugString();
    ASSERT_NE(v.comparator() == kNone, took_value) << text << " → " << v.ShortDebugString();
  }
}

const char* ComparatorSymbol(Comparator c) {
  switch (c) {
    case kEq:
      return "=";
    case kGe:
      return "≥";
    case kGt:
      return ">";
    case kLe:
      return "≤";
    case kLt:
      return "<";
    case kApprox:
      return "≈";
    default:
      return "";
  }
}

const char* KindName(ValueKind kind) {
  switch (kind) {
    case kQuantity:
      return "QUANTITY";
    case kDeadline:
      return "DEADLINE";
    case kQualitative:
      return "QUALITATIVE";
    case kAbsent:
      return "ABSENT";
    default:
      return "?";
  }
}

void PrintRow(const std::string& text) {
  const ParsedValue v = ParseValue(text);
  std::string value;
  if (v.kind() == kQuantity) {
    char number[64];
    std::snprintf(number, sizeof number, "%.15g", v.number());
    value = number;
  } else if (v.kind() == kDeadline) {
    value = v.deadline();
  }
  const std::string unit = v.unit() + (v.growth() ? " (growth)" : "");
  const std::string detail = v.reason().empty() ? "" : "  [" + v.reason() + "]";
  std::printf("%-46s | %-2s | %-14s | %-14s | %s%s\n", text.c_str(),
              ComparatorSymbol(v.comparator()), value.c_str(), unit.c_str(), KindName(v.kind()),
              detail.c_str());
}

TEST(ParseValueTest, PrintsTable) {
  std::printf("%-46s | %-2s | %-14s | %-14s | %s\n", "input", "cmp", "value", "unit", "kind");
  for (const auto& cases : {Targets2024(), SelfEvaluations2023(), OtherForms()}) {
    for (const Case& c : cases) PrintRow(c.text);
  }
}

}  // namespace
}  // namespace jixiao::target_value
