// How an indicator's actual is compared with its target (AssessCompletion), and
// how the verdict reads words: bare actuals in their target's terms, units
// converted or refused, qualitative actuals judged by the vocabulary or by
// restating their target, the stated completion first, and stale parses read again.

#include "services/scoring/engine/indicators/completion.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "common/domain/target_value/parser_version.h"
#include "common/domain/target_value/target_value_parser.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/indicators/measured_value.h"
#include "tests/services/scoring/engine/scoring_test_support.h"

namespace jixiao::scoring {
namespace {

using ::testing::HasSubstr;

v1::Indicator Make(const std::string& target, const std::string& actual,
                   const std::string& stated = "") {
  v1::Indicator indicator;
  indicator.set_id("1");
  indicator.set_name("测试指标");
  indicator.set_level1_code("1");
  indicator.mutable_target()->set_text(target);
  if (!actual.empty()) indicator.mutable_actual()->set_text(actual);
  indicator.set_stated_completion_percent(stated);
  return indicator;
}

// Keeps the indicator and the store alive with the completion that points into them.
struct Assessed {
  v1::Indicator indicator;
  ParsedValueStore store;
  Completion completion;
};

std::unique_ptr<Assessed> Assess(v1::Indicator indicator) {
  auto assessed = std::make_unique<Assessed>();
  assessed->indicator = std::move(indicator);
  assessed->completion = AssessCompletion(
      assessed->indicator, ParseStatedPercent(assessed->indicator.stated_completion_percent()),
      assessed->store);
  return assessed;
}

TEST(Completion, ABareActualTakesItsTargetsUnitAndMagnitude) {
  const auto cap = Assess(Make("≤90万元", "90"));
  EXPECT_EQ(cap->completion.basis, CompletionBasis::kNumbers);
  EXPECT_EQ(cap->completion.direction, Direction::kReverse);
  EXPECT_EQ(cap->completion.actual_unit, ActualUnit::kInherited);
  EXPECT_DOUBLE_EQ(cap->completion.actual->number(), 900000);
  EXPECT_EQ(cap->completion.actual->unit(), "元");

  const auto money = Assess(Make("90万元", "89.974"));
  ASSERT_TRUE(money->completion.rate_percent.has_value());
  EXPECT_NEAR(*money->completion.rate_percent, 99.971, 0.001);  // not 0.01%

  const auto percent = Assess(Make("≥100百分比", "100"));
  ASSERT_TRUE(percent->completion.rate_percent.has_value());
  EXPECT_DOUBLE_EQ(*percent->completion.rate_percent, 100);
  EXPECT_EQ(percent->completion.actual->unit(), "%");

  for (const char* unit : {"个", "次", "天", "家"}) {
    const auto count = Assess(Make(std::string("≥10") + unit, "12"));
    EXPECT_EQ(count->completion.basis, CompletionBasis::kNumbers) << unit;
    EXPECT_EQ(count->completion.actual->unit(), unit);
    EXPECT_DOUBLE_EQ(*count->completion.rate_percent, 120) << unit;
  }
  // A number with its own multiplier is already in base units: "90万" is 900000.
  const auto own = Assess(Make("90万元", "90万"));
  EXPECT_DOUBLE_EQ(*own->completion.rate_percent, 100);
  // A target without unit or multiplier says nothing to inherit.
  const auto plain = Assess(Make(">10", "12家"));
  EXPECT_EQ(plain->completion.actual_unit, ActualUnit::kAsPrinted);
  EXPECT_DOUBLE_EQ(*plain->completion.rate_percent, 120);
  // A bare target with a multiplier lends it: "超500万" against "520".
  const auto bare = Assess(Make("超500万", "520"));
  EXPECT_DOUBLE_EQ(*bare->completion.rate_percent, 104);
}

TEST(Completion, UnitsOfOneMeasureAreConverted) {
  const auto road = Assess(Make("≥32.1公里", "33000米"));
  EXPECT_EQ(road->completion.basis, CompletionBasis::kNumbers);
  EXPECT_EQ(road->completion.actual_unit, ActualUnit::kConverted);
  EXPECT_NEAR(*road->completion.rate_percent, 102.80, 0.01);
  EXPECT_NEAR(Assess(Make("2吨", "1500公斤"))->completion.rate_percent.value_or(0), 75, 1e-9);
  EXPECT_NEAR(Assess(Make("2小时", "90分钟"))->completion.rate_percent.value_or(0), 75, 1e-9);
  EXPECT_NEAR(Assess(Make("1%", "5‰"))->completion.rate_percent.value_or(0), 50, 1e-9);
}

TEST(Completion, UnitsThatCannotBeReconciledAreNotComparable) {
  const auto differ = Assess(Make("10家", "12人"));
  EXPECT_EQ(differ->completion.basis, CompletionBasis::kNotComparable);
  EXPECT_EQ(differ->completion.not_comparable, NotComparable::kUnitsDiffer);
  const auto rate = Assess(Make("780元/生/年", "780元"));
  EXPECT_EQ(rate->completion.not_comparable, NotComparable::kUnitsDiffer);
  // With a stated completion, as before.
  const auto stated = Assess(Make("10家", "12人", "120"));
  EXPECT_EQ(stated->completion.basis, CompletionBasis::kStatedQuantity);
}

TEST(Completion, AQualitativeActualIsJudgedByItsWords) {
  const auto raised = Assess(Make("=提高", "达成预期指标"));
  EXPECT_EQ(raised->completion.basis, CompletionBasis::kJudged);
  EXPECT_EQ(raised->completion.judgement, v1::JUDGEMENT_ACHIEVED);
  EXPECT_EQ(raised->completion.judged_by, JudgedBy::kVocabulary);
  // Whatever the target's kind: the re-evaluation tables answer ">=24500人" with 未完成.
  const auto count = Assess(Make(">=24500人", "未完成"));
  EXPECT_EQ(count->completion.basis, CompletionBasis::kJudged);
  EXPECT_EQ(count->completion.judgement, v1::JUDGEMENT_NOT_ACHIEVED);
  const auto deadline = Assess(Make("2024年3月底前", "按时完成"));
  EXPECT_EQ(deadline->completion.judgement, v1::JUDGEMENT_ACHIEVED);
  const auto partly = Assess(Make("有效", "基本完成"));
  EXPECT_EQ(partly->completion.judgement, v1::JUDGEMENT_PARTIALLY_ACHIEVED);
}

TEST(Completion, AnActualThatRestatesItsTargetIsAchieved) {
  for (const char* words : {"合格", "有效", "长期", "安全事故：否"}) {
    const auto same = Assess(Make(words, std::string(" ") + words + "。"));
    EXPECT_EQ(same->completion.basis, CompletionBasis::kJudged) << words;
    EXPECT_EQ(same->completion.judgement, v1::JUDGEMENT_ACHIEVED) << words;
    EXPECT_EQ(same->completion.judged_by, JudgedBy::kRestatesTarget) << words;
  }
  // 是否发生安全事故: 否 / 否 is met, though 否 alone reads as not achieved.
  EXPECT_EQ(Assess(Make("否", "否"))->completion.judgement, v1::JUDGEMENT_ACHIEVED);
}

TEST(Completion, ATargetThatAsksForNoneIsNotJudgedByTheActualsWords) {
  const auto none = Assess(Make("否", "是"));
  EXPECT_EQ(none->completion.basis, CompletionBasis::kNotComparable);
  EXPECT_EQ(Assess(Make("无", "已完成"))->completion.basis, CompletionBasis::kNotComparable);
}

TEST(Completion, TheStatedCompletionComesFirst) {
  const auto stated = Assess(Make("=提高", "未完成", "100"));
  EXPECT_EQ(stated->completion.basis, CompletionBasis::kStatedQualitative);
  EXPECT_EQ(stated->completion.not_comparable, NotComparable::kKindsDiffer);
  const auto quantity = Assess(Make(">=95.00%", "已完成", "80"));
  EXPECT_EQ(quantity->completion.basis, CompletionBasis::kStatedQuantity);
  EXPECT_EQ(quantity->completion.not_comparable, NotComparable::kActualNotQuantity);
}

TEST(Completion, UnknownWordsAreNotComparableAndSaidSo) {
  const auto sentence = Assess(Make("及时", "项目已完成，效果明显"));
  EXPECT_EQ(sentence->completion.basis, CompletionBasis::kNotComparable);
  EXPECT_EQ(sentence->completion.not_comparable, NotComparable::kUnknownWords);
  std::string reason;
  AppendNotComparableReason(sentence->completion, reason);
  EXPECT_EQ(reason, "实际「项目已完成，效果明显」的用语不在定性词表中，无法判断是否达成");
  const auto quantity = Assess(Make("≥2场", "按计划开展"));
  EXPECT_EQ(quantity->completion.not_comparable, NotComparable::kUnknownWords);
}

TEST(Completion, AValueParsedByAnOlderParserIsParsedAgain) {
  v1::MeasuredValue old;
  old.set_text("≤90万元");
  old.mutable_parsed()->set_kind(v1::VALUE_KIND_QUANTITY);
  old.mutable_parsed()->set_number(900000);
  old.mutable_parsed()->set_unit("元");  // no magnitude: version 1 did not read it
  ParsedValueStore store;
  const v1::ParsedValue& again = ReadValue(old, store);
  EXPECT_EQ(again.magnitude(), 4);
  EXPECT_EQ(again.parser_version(), target_value::kParserVersion);
  EXPECT_EQ(store.size(), 1u);

  v1::MeasuredValue current;
  current.set_text("≤90万元");
  *current.mutable_parsed() = target_value::ParseValue(current.text());
  EXPECT_EQ(&ReadValue(current, store), &current.parsed());  // used as stored
  EXPECT_EQ(store.size(), 1u);

  v1::MeasuredValue no_text;
  no_text.mutable_parsed()->set_kind(v1::VALUE_KIND_QUANTITY);
  EXPECT_EQ(&ReadValue(no_text, store), &no_text.parsed());  // nothing to parse again
}

// The verdict: the scheme's qualitative tiers, and what the explanation says.
const char kTiers[] = R"pb(
  curve: COMPLETION_CURVE_PROPORTIONAL
  qualitative { achieved: 1.0 partially_achieved: 0.8 not_achieved: 0.6 }
  missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG
)pb";

testing::ExplainedIndicator Score(const v1::Indicator& indicator) {
  v1::IndicatorRules rules;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kTiers, &rules));
  return testing::ScoreOneIndicator(indicator, rules, 10, std::nullopt);
}

TEST(JudgedVerdict, TakesTheQualitativeTiers) {
  const testing::ExplainedIndicator achieved = Score(Make("提高", "达成预期指标"));
  EXPECT_EQ(achieved.line.reason_code(), "QUALITATIVE_ACHIEVED");
  EXPECT_EQ(achieved.line.points(), 10);
  EXPECT_THAT(achieved.line.explanation(), HasSubstr("实际「达成预期指标」读作达成"));
  const testing::ExplainedIndicator partial = Score(Make("提高", "基本完成"));
  EXPECT_EQ(partial.line.reason_code(), "QUALITATIVE_PARTIAL");
  EXPECT_EQ(partial.line.points(), 8);
  const testing::ExplainedIndicator failed = Score(Make(">=24500人", "未完成"));
  EXPECT_EQ(failed.line.reason_code(), "QUALITATIVE_NOT_ACHIEVED");
  EXPECT_EQ(failed.line.points(), 6);
  EXPECT_THAT(failed.line.explanation(), HasSubstr("实际「未完成」读作未达成"));
  const testing::ExplainedIndicator same = Score(Make("合格", "合格"));
  EXPECT_THAT(same.line.explanation(), HasSubstr("实际「合格」与目标一致，读作达成"));
  const testing::ExplainedIndicator unknown = Score(Make("及时", "按计划推进"));
  EXPECT_EQ(unknown.line.reason_code(), "NOT_COMPARABLE_ZEROED");
  EXPECT_THAT(unknown.line.explanation(), HasSubstr("不在定性词表中"));
}

TEST(JudgedVerdict, ABareActualIsScoredInItsTargetsTerms) {
  const testing::ExplainedIndicator cap = Score(Make("≤90万元", "89.974"));
  EXPECT_EQ(cap.line.reason_code(), "REVERSE_MET");
  EXPECT_EQ(cap.line.points(), 10);
}

}  // namespace
}  // namespace jixiao::scoring
