// One indicator under each rule: curves, over-completion, directions,
// qualitative tiers, deadlines, units, missing values, satisfaction steps.

#include <string>

#include "common/domain/target_value/parser_version.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/services/scoring/engine/scoring_test_support.h"

namespace jixiao::scoring {
namespace {

using ::testing::HasSubstr;

v1::IndicatorRules Rules(const std::string& text) {
  v1::IndicatorRules rules;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &rules)) << text;
  return rules;
}

// 财预〔2020〕10号 with the Guangzhou over-completion penalty.
const char kGuangzhou[] = R"pb(
  curve: COMPLETION_CURVE_PROPORTIONAL
  over_completion {
    policy: OVER_COMPLETION_POLICY_PENALIZE
    threshold_percent: 150
    penalty_fraction: 0.5
  }
  qualitative { achieved: 1.0 partially_achieved: 0.8 not_achieved: 0.6 }
  missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG
)pb";

// 财预〔2021〕101号.
const char kMof101[] = R"pb(
  curve: COMPLETION_CURVE_THRESHOLD_60_LINEAR
  over_completion { policy: OVER_COMPLETION_POLICY_FLAG threshold_percent: 130 }
  qualitative { achieved: 1.0 partially_achieved: 0.8 not_achieved: 0.6 }
  missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG
  satisfaction_steps { min_percent: 60 fraction: 0.5 }
  satisfaction_steps { min_percent: 80 fraction: 0.8 }
  satisfaction_steps { min_percent: 90 fraction: 1.0 }
)pb";

v1::Indicator Make(const std::string& target, const std::string& actual,
                   const std::string& stated = "", const std::string& level1 = "1") {
  v1::Indicator indicator;
  indicator.set_id("1");
  indicator.set_name("测试指标");
  indicator.set_level1_code(level1);
  indicator.mutable_target()->set_text(target);
  if (!actual.empty()) indicator.mutable_actual()->set_text(actual);
  indicator.set_stated_completion_percent(stated);
  return indicator;
}

testing::ExplainedIndicator Score(const v1::Indicator& indicator, const char* rules,
                                  double weight = 10,
                                  std::optional<double> stated_weight = std::nullopt) {
  return testing::ScoreOneIndicator(indicator, Rules(rules), weight, stated_weight);
}

bool Flagged(const testing::ExplainedIndicator& score, const std::string& code) {
  for (const v1::Finding& finding : score.findings) {
    if (finding.code() == code) return true;
  }
  return false;
}

TEST(IndicatorRules, ProportionalGivesFullMarksWhenMetAndTheRatioOtherwise) {
  const testing::ExplainedIndicator met = Score(Make("50条", "67条"), kGuangzhou);
  EXPECT_EQ(met.line.points(), 10);
  EXPECT_EQ(met.line.reason_code(), "MET");
  EXPECT_NEAR(met.line.completion_percent(), 134, 1e-9);

  const testing::ExplainedIndicator partial = Score(Make("≥10场", "8场"), kGuangzhou);
  EXPECT_EQ(partial.line.points(), 8);  // 10号: 80% → 8.0
  EXPECT_EQ(partial.line.reason_code(), "PARTIAL");
  EXPECT_EQ(partial.line.provenance(), v1::PROVENANCE_RECOMPUTED);
}

TEST(IndicatorRules, Threshold60LinearDisagreesWithProportionalBetween60And100) {
  EXPECT_EQ(Score(Make("≥10场", "8场"), kMof101).line.points(), 5);  // 101号: 80% → 5.0
  const testing::ExplainedIndicator low = Score(Make("≥10场", "5场"), kMof101);
  EXPECT_EQ(low.line.points(), 0);
  EXPECT_EQ(low.line.reason_code(), "BELOW_60");
  EXPECT_EQ(Score(Make("≥10场", "6场"), kMof101).line.points(), 0);
  EXPECT_EQ(Score(Make("≥10场", "10场"), kMof101).line.points(), 10);
}

TEST(IndicatorRules, StepwiseTakesTheHighestBandReached) {
  const char rules[] = R"pb(
    curve: COMPLETION_CURVE_STEPWISE
    steps { min_percent: 60 fraction: 0.5 }
    steps { min_percent: 90 fraction: 0.9 }
    steps { min_percent: 100 fraction: 1 }
    over_completion { policy: OVER_COMPLETION_POLICY_NONE }
    qualitative { achieved: 1 partially_achieved: 0.8 not_achieved: 0.6 }
    missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG
  )pb";
  EXPECT_EQ(Score(Make("100个", "95个"), rules).line.points(), 9);
  EXPECT_EQ(Score(Make("100个", "59个"), rules).line.points(), 0);
  EXPECT_EQ(Score(Make("100个", "60个"), rules).line.points(), 5);
  EXPECT_EQ(Score(Make("100个", "400个"), rules).line.points(), 10);  // NONE: no penalty
}

TEST(IndicatorRules, AboveTheThresholdTheGuangzhouRuleTakesHalfTheWeight) {
  const testing::ExplainedIndicator over = Score(Make("10家", "74家"), kGuangzhou, 1.25);
  EXPECT_EQ(over.line.reason_code(), "OVER_COMPLETION_PENALIZED");
  EXPECT_EQ(over.line.rule(), "over_completion_penalty");
  EXPECT_NEAR(over.line.points(), 0.63, 1e-9);
  EXPECT_THAT(over.line.explanation(),
              HasSubstr("完成率 740%，超过 150%，目标设定偏低，扣减该指标分值的 50%"));
  EXPECT_TRUE(Flagged(over, "OVER_COMPLETION_PENALIZED"));
  // Strictly above: exactly 150% keeps full marks.
  EXPECT_EQ(Score(Make("多于1000册", "1500册左右"), kGuangzhou).line.points(), 10);
  EXPECT_EQ(Score(Make("1000册", "1501册"), kGuangzhou).line.points(), 5);
}

TEST(IndicatorRules, FlaggedOverCompletionKeepsTheScore) {
  const testing::ExplainedIndicator over = Score(Make("10家", "20家"), kMof101);
  EXPECT_EQ(over.line.points(), 10);
  EXPECT_EQ(over.line.reason_code(), "OVER_COMPLETION_FLAGGED");
  EXPECT_TRUE(Flagged(over, "OVER_COMPLETION_FLAGGED"));
}

TEST(IndicatorRules, ReverseIndicatorsFallLinearlyToZeroAtTwiceTheTarget) {
  EXPECT_EQ(Score(Make("≤5天", "4天"), kGuangzhou).line.reason_code(), "REVERSE_MET");
  EXPECT_EQ(Score(Make("≤5天", "4天"), kGuangzhou).line.points(), 10);
  const testing::ExplainedIndicator late = Score(Make("≤5天", "7.5天"), kGuangzhou);
  EXPECT_EQ(late.line.points(), 5);
  EXPECT_EQ(late.line.reason_code(), "REVERSE_PARTIAL");
  EXPECT_EQ(Score(Make("≤5天", "10天"), kGuangzhou).line.points(), 0);
  EXPECT_EQ(Score(Make("≤5天", "12天"), kGuangzhou).line.reason_code(), "REVERSE_FAILED");

  v1::Indicator cost = Make("5000元", "6000元");
  cost.set_reverse(true);  // a cost: lower is better even though the target reads "5000元"
  EXPECT_EQ(Score(cost, kGuangzhou).line.points(), 8);
}

TEST(IndicatorRules, AZeroGrowthTargetIsMetByAnyGrowth) {
  const testing::ExplainedIndicator flat = Score(Make("与上年持平", "增长 5%"), kGuangzhou);
  EXPECT_EQ(flat.line.reason_code(), "ZERO_TARGET_MET");
  EXPECT_EQ(flat.line.points(), 10);
  EXPECT_FALSE(flat.line.has_completion_percent());
  const testing::ExplainedIndicator fell = Score(Make("与上年持平", "下降 3%"), kGuangzhou);
  EXPECT_EQ(fell.line.reason_code(), "ZERO_TARGET_NOT_MET");
  EXPECT_EQ(fell.line.points(), 0);
}

TEST(IndicatorRules, ComparatorsOnBothSidesCompareTheirNumbers) {
  EXPECT_EQ(Score(Make("多于100家", "大于100家"), kGuangzhou).line.points(), 10);
  EXPECT_EQ(Score(Make("1家", "超过1家"), kGuangzhou).line.points(), 10);
  // "实际完成为 0" is a bare number: it takes the target's unit.
  const testing::ExplainedIndicator zero = Score(Make("100%", "实际完成为 0"), kGuangzhou, 0.91);
  EXPECT_EQ(zero.line.points(), 0);
  EXPECT_EQ(zero.line.completion_percent(), 0);
}

TEST(IndicatorRules, QualitativeIndicatorsTakeTheirTierFromTheStatedCompletion) {
  const std::string goal = "一是提供原产地证代签服务；二是加强商事法律培训服务。";
  const std::string done = "一是优化拓展商事法律服务；二是举办专题培训。";
  const testing::ExplainedIndicator achieved = Score(Make(goal, done, "100"), kGuangzhou);
  EXPECT_EQ(achieved.line.reason_code(), "QUALITATIVE_ACHIEVED");
  EXPECT_EQ(achieved.line.points(), 10);
  const testing::ExplainedIndicator partial = Score(Make(goal, done, "80"), kGuangzhou);
  EXPECT_EQ(partial.line.reason_code(), "QUALITATIVE_PARTIAL");
  EXPECT_EQ(partial.line.points(), 8);
  const testing::ExplainedIndicator failed = Score(Make(goal, done, "0"), kGuangzhou);
  EXPECT_EQ(failed.line.reason_code(), "QUALITATIVE_NOT_ACHIEVED");
  EXPECT_EQ(failed.line.points(), 6);
  // Without a stated completion nothing can be judged: the missing-value policy, flagged.
  const testing::ExplainedIndicator unjudged = Score(Make(goal, done), kGuangzhou);
  EXPECT_EQ(unjudged.line.reason_code(), "NOT_COMPARABLE_ZEROED");
  EXPECT_EQ(unjudged.line.points(), 0);
  EXPECT_EQ(unjudged.line.provenance(), v1::PROVENANCE_MISSING);
  EXPECT_TRUE(Flagged(unjudged, "NOT_COMPARABLE"));
}

TEST(IndicatorRules, DeadlinesAreMetOnOrBeforeTheDate) {
  v1::Indicator on_time = Make("2024年3月底前", "");
  v1::ParsedValue* actual = on_time.mutable_actual()->mutable_parsed();
  actual->set_kind(v1::VALUE_KIND_DEADLINE);
  actual->set_deadline("2024-03-31");
  actual->set_parser_version(target_value::kParserVersion);  // current: used as stored
  on_time.mutable_actual()->set_text("2024年3月31日");
  EXPECT_EQ(Score(on_time, kGuangzhou).line.reason_code(), "DEADLINE_MET");
  EXPECT_EQ(Score(on_time, kGuangzhou).line.points(), 10);
  actual->set_deadline("2024-04-01");
  EXPECT_EQ(Score(on_time, kGuangzhou).line.reason_code(), "DEADLINE_MISSED");
  EXPECT_EQ(Score(on_time, kGuangzhou).line.points(), 0);
  // A deadline answered in words: the stated completion decides.
  EXPECT_EQ(Score(Make("2024年3月底前", "按时完成", "100"), kGuangzhou).line.reason_code(),
            "QUALITATIVE_ACHIEVED");
}

TEST(IndicatorRules, UnitsThatDifferAreNotComparable) {
  const testing::ExplainedIndicator stated = Score(Make("10家", "12人", "120"), kGuangzhou);
  EXPECT_EQ(stated.line.reason_code(), "MET");
  EXPECT_THAT(stated.line.explanation(), HasSubstr("单位不同"));
  EXPECT_TRUE(Flagged(stated, "NOT_COMPARABLE"));
  const testing::ExplainedIndicator none = Score(Make("10家", "12人"), kGuangzhou);
  EXPECT_EQ(none.line.reason_code(), "NOT_COMPARABLE_ZEROED");
  EXPECT_EQ(none.line.points(), 0);
  EXPECT_TRUE(Flagged(none, "NOT_COMPARABLE"));
}

TEST(IndicatorRules, AMissingActualIsScoredByPolicyAndAlwaysFlagged) {
  v1::Indicator missing = Make("≥2场", "");
  missing.set_declared_score(4);
  const testing::ExplainedIndicator zeroed = Score(missing, kGuangzhou);
  EXPECT_EQ(zeroed.line.points(), 0);
  EXPECT_EQ(zeroed.line.reason_code(), "MISSING_ACTUAL_ZEROED");
  EXPECT_EQ(zeroed.line.provenance(), v1::PROVENANCE_MISSING);
  EXPECT_TRUE(Flagged(zeroed, "MISSING_ACTUAL"));

  std::string declared_rules = kGuangzhou;
  declared_rules.replace(declared_rules.find("MISSING_VALUE_POLICY_ZERO_AND_FLAG"),
                         std::string("MISSING_VALUE_POLICY_ZERO_AND_FLAG").size(),
                         "MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO");
  // Declared 4 out of its own weight 5, scaled to a weight of 10.
  const testing::ExplainedIndicator declared = Score(missing, declared_rules.c_str(), 10, 5.0);
  EXPECT_EQ(declared.line.points(), 8);
  EXPECT_EQ(declared.line.reason_code(), "MISSING_ACTUAL_DECLARED");
  EXPECT_EQ(declared.line.provenance(), v1::PROVENANCE_DECLARED);
  EXPECT_TRUE(Flagged(declared, "MISSING_ACTUAL"));
}

TEST(IndicatorRules, SatisfactionStepsApplyToSatisfactionIndicators) {
  EXPECT_EQ(Score(Make("≥90%", "92%", "", "3"), kMof101).line.points(), 10);
  EXPECT_EQ(Score(Make("≥90%", "85%", "", "3"), kMof101).line.points(), 8);
  EXPECT_EQ(Score(Make("≥90%", "70%", "", "3"), kMof101).line.points(), 5);
  EXPECT_EQ(Score(Make("≥90%", "50%", "", "3"), kMof101).line.points(), 0);
  EXPECT_EQ(Score(Make("≥90%", "85%", "", "3"), kMof101).line.reason_code(), "SATISFACTION_BAND");
  // Without steps a satisfaction indicator is a positive indicator.
  EXPECT_EQ(Score(Make("95%", "100%", "", "3"), kGuangzhou).line.reason_code(), "MET");
}

TEST(IndicatorRules, AParsedValueIsUsedAsGiven) {
  v1::Indicator indicator = Make("whatever", "whatever");
  v1::ParsedValue* target = indicator.mutable_target()->mutable_parsed();
  target->set_kind(v1::VALUE_KIND_QUANTITY);
  target->set_comparator(v1::COMPARATOR_GE);
  target->set_number(4);
  target->set_parser_version(target_value::kParserVersion);
  v1::ParsedValue* actual = indicator.mutable_actual()->mutable_parsed();
  actual->set_kind(v1::VALUE_KIND_QUANTITY);
  actual->set_number(3);
  actual->set_parser_version(target_value::kParserVersion);
  EXPECT_EQ(Score(indicator, kGuangzhou).line.points(), 7.5);
}

TEST(IndicatorRules, AStatedCompletionThatContradictsTheNumbersIsFlagged) {
  EXPECT_TRUE(Flagged(Score(Make("10个", "5个", "100"), kGuangzhou), "STATED_COMPLETION_MISMATCH"));
  // Reports cap completion at 100%: not a contradiction.
  EXPECT_FALSE(
      Flagged(Score(Make("95%", "100%", "100"), kGuangzhou), "STATED_COMPLETION_MISMATCH"));
}

}  // namespace
}  // namespace jixiao::scoring
