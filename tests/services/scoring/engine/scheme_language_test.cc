// The scheme language: curves as points and presets, selectors, recomputed
// sub-items and checks, yearly parts, absent items, row weights, variant
// conditions and the errors a scheme author sees. The README's worked example
// of a third-party evaluation is scored here figure by figure.

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "services/scoring/scheme/variant_conditions.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

using ::testing::HasSubstr;

constexpr int kThirdPartyExample = 1;  // the README's second textproto block

v1::EvaluationReport Report(const std::string& text) {
  v1::EvaluationReport report;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &report)) << text;
  return report;
}

PreparedScheme ThirdPartyScheme() {
  absl::StatusOr<SchemeFile> file =
      ParseSchemeFile("third-party.textproto", testing::ReadmeExampleText(kThirdPartyExample));
  EXPECT_TRUE(file.ok()) << file.status();
  return testing::Prepared(file.ok() ? file->scheme : v1::Scheme());
}

const v1::ScoreLine& Line(const v1::ScoreCard& card, const std::string& code) {
  for (const v1::ScoreGroup& group : card.groups()) {
    for (const v1::ScoreLine& line : group.lines()) {
      if (line.item_code() == code) return line;
    }
  }
  ADD_FAILURE() << "no line " << code;
  return v1::ScoreLine::default_instance();
}

// A three-year evaluation that answers every check, with indicators of each class
// but 成本 and 满意度.
constexpr char kEvaluation[] = R"pb(
  kind: REPORT_KIND_EXTERNAL_EVALUATION
  fiscal_year: 2023
  period_start_year: 2021
  project_code: "p-1"
  department { code: "440106:commerce" level: ADMINISTRATIVE_LEVEL_DISTRICT }
  evaluator { kind: EVALUATOR_KIND_THIRD_PARTY name: "某会计师事务所" }
  budget {
    years {
      fiscal_year: 2021
      adjusted { fen: 10000 }
      final { fen: 9900 }
    }
    years {
      fiscal_year: 2022
      adjusted { fen: 10000 }
      final { fen: 10000 }
    }
    years {
      fiscal_year: 2023
      adjusted { fen: 10000 }
      final { fen: 7000 }
    }
  }
  effectiveness_items { code: "decision.basis.law" name: "a" weight: 0.67 met: true }
  effectiveness_items { code: "decision.basis.duty" name: "b" weight: 0.67 met: true }
  effectiveness_items { code: "decision.basis.unique" name: "c" weight: 0.66 met: false }
  effectiveness_items { code: "decision.procedure.process" name: "d" weight: 1.5 met: true }
  effectiveness_items { code: "decision.procedure.review" name: "e" weight: 1.5 met: true }
  effectiveness_items { code: "decision.targets.set" name: "f" weight: 2 met: true }
  effectiveness_items { code: "decision.targets.linked" name: "g" weight: 2 met: true }
  effectiveness_items { code: "decision.targets.measurable" name: "h" weight: 2 met: true }
  effectiveness_items { code: "decision.budgeting" name: "i" weight: 4 met: true }
  effectiveness_items { code: "process.compliance.purpose" name: "j" weight: 5 met: true }
  effectiveness_items { code: "process.compliance.approval" name: "k" weight: 5 met: false }
  effectiveness_items { code: "process.management" name: "l" weight: 5 met: true }
  indicators {
    id: "1"
    level1_code: "1"
    level2_code: "11"
    name: "培训人次"
    target { text: "≥100人次" }
    actual { text: "100人次" }
  }
  indicators {
    id: "2"
    level1_code: "1"
    level2_code: "12"
    name: "合格率"
    target { text: "≥90%" }
    actual { text: "81%" }
  }
  indicators {
    id: "3"
    level1_code: "1"
    level2_code: "13"
    name: "完成时间"
    target { text: "2023年12月底前" }
    actual { text: "2023年11月30日" }
  }
  indicators {
    id: "4"
    level1_code: "2"
    level2_code: "22"
    name: "带动就业"
    target { text: "≥50人" }
    actual { text: "50人" }
  }
)pb";

TEST(SchemeLanguage, TheThirdPartyExampleScoresFigureByFigure) {
  const PreparedScheme scheme = ThirdPartyScheme();
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card, ScoreReport(Report(kEvaluation), scheme));

  // Two of three 要点 of 2/3 point each: 4/3, rounded once to 1.33.
  const v1::ScoreLine& basis = Line(card, "decision.basis");
  EXPECT_EQ(basis.points(), 1.33);
  EXPECT_EQ(basis.reason_code(), "SUB_ITEMS_SUM");
  ASSERT_EQ(basis.sub_lines_size(), 3);
  EXPECT_DOUBLE_EQ(basis.sub_lines(0).max(), 2.0 / 3);
  EXPECT_EQ(basis.sub_lines(2).reason_code(), "CHECK_NOT_MET");
  // Three of three: exactly the item's 6, not 6.01 from three rounded 2.00s.
  EXPECT_EQ(Line(card, "decision.targets").points(), 6);
  // Each year through the 80 → 0, 100 → 1 line: 99% → 0.95, 100% → 1, 70% → 0;
  // averaged, 0.65 of 10.
  const v1::ScoreLine& execution = Line(card, "process.execution");
  EXPECT_EQ(execution.reason_code(), "EXECUTION_YEARS_MEAN");
  EXPECT_EQ(execution.rule(), "execution_80_100");
  EXPECT_EQ(execution.points(), 6.5);
  // The weakest link: one of two compliance checks fails, so nothing.
  EXPECT_EQ(Line(card, "process.compliance").points(), 0);
  // No 成本 indicator: its 5 points are shared 10 : 5 : 5 among the other outputs.
  EXPECT_EQ(Line(card, "output.cost").reason_code(), "ABSENT_RESCALED");
  EXPECT_EQ(Line(card, "output.cost").max(), 0);
  EXPECT_EQ(Line(card, "output.quantity").max(), 12.5);
  EXPECT_EQ(Line(card, "output.quality").max(), 6.25);
  EXPECT_EQ(Line(card, "output.timeliness").max(), 6.25);
  // 81% of a ≥90% target: 0.9 of 6.25.
  EXPECT_EQ(Line(card, "output.quality").points(), 5.63);
  // No 满意度 indicator: its 10 points go to 实施效益.
  EXPECT_EQ(Line(card, "effect.satisfaction").reason_code(), "ABSENT_MOVED");
  EXPECT_EQ(Line(card, "effect.benefit").max(), 35);
  EXPECT_EQ(Line(card, "effect.benefit").points(), 35);

  EXPECT_TRUE(card.complete());
  EXPECT_EQ(card.max(), 100);
  // 决策 1.33 + 3 + 6 + 4; 过程 6.5 + 0 + 5; 产出 12.5 + 5.63 + 6.25; 效益 35.
  EXPECT_DOUBLE_EQ(card.total(), 85.21);
  EXPECT_EQ(card.grade(), "良");
}

TEST(SchemeLanguage, ThePresetsScoreAsTheOlderEnumsDid) {
  const v1::EvaluationReport report = Report(R"pb(
    kind: REPORT_KIND_PROJECT_SELF_EVALUATION
    fiscal_year: 2023
    department { code: "440106:commerce" }
    budget {
      adjusted { fen: 1000000 }
      final { fen: 925000 }
    }
    indicators {
      id: "1"
      level1_code: "1"
      level2_code: "11"
      name: "a"
      target { text: "≥100家" }
      actual { text: "80家" }
    }
    indicators {
      id: "2"
      level1_code: "1"
      level2_code: "12"
      name: "b"
      target { text: "100%" }
      actual { text: "150%" }
    }
    indicators {
      id: "3"
      level1_code: "2"
      level2_code: "22"
      name: "c"
      target { text: "≤90万元" }
      actual { text: "95万元" }
    }
    indicators {
      id: "4"
      level1_code: "3"
      level2_code: "31"
      name: "d"
      target { text: "≥90%" }
      actual { text: "92%" }
    }
  )pb");
  for (const char* id : {"mof-2020-10", "mof-2021-101"}) {
    absl::StatusOr<v1::ScoreCard> v1_card =
        ScoreReport(report, testing::ShippedPreparedScheme(id, 1));
    absl::StatusOr<v1::ScoreCard> v2_card =
        ScoreReport(report, testing::ShippedPreparedScheme(id, 2));
    ASSERT_TRUE(v1_card.ok() && v2_card.ok());
    v2_card->clear_scheme();
    v1_card->clear_scheme();
    EXPECT_EQ(v1_card->SerializeAsString(), v2_card->SerializeAsString()) << id;
  }
}

TEST(SchemeLanguage, AbsentSatisfactionMovesToBenefitUnderVersionTwo) {
  const v1::EvaluationReport report = Report(R"pb(
    kind: REPORT_KIND_PROJECT_SELF_EVALUATION
    fiscal_year: 2023
    department { code: "440106:commerce" }
    budget {
      adjusted { fen: 100 }
      final { fen: 100 }
    }
    indicators {
      id: "1"
      level1_code: "1"
      name: "a"
      target { text: "5个" }
      actual { text: "5个" }
    }
    indicators {
      id: "2"
      level1_code: "2"
      name: "b"
      target { text: "≥10%" }
      actual { text: "12%" }
    }
  )pb");
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard old_card,
                       ScoreReport(report, testing::ShippedPreparedScheme("mof-2020-10", 1)));
  EXPECT_FALSE(old_card.complete());  // version 1 has no rule for it
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(report, testing::ShippedPreparedScheme("mof-2020-10", 2)));
  EXPECT_TRUE(card.complete());
  EXPECT_EQ(Line(card, "project.satisfaction").reason_code(), "ABSENT_MOVED");
  EXPECT_EQ(Line(card, "project.benefit").max(), 40);
  EXPECT_THAT(Line(card, "project.benefit").explanation(), HasSubstr("调整为 40"));
  EXPECT_EQ(card.max(), 100);
}

std::string SchemeWithItems(const std::string& items) {
  const std::string head = R"pb(
    id: "t"
    version: 1
    rounding_decimals: 2
    indicator_rules {
      completion { preset: "proportional" }
      over_completion { policy: OVER_COMPLETION_POLICY_NONE }
      qualitative { achieved: 1 partially_achieved: 0.8 not_achieved: 0.6 }
      missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG
    }
    grade_bands { min_score: 0 grade: "差" colour: COLOUR_RED }
  )pb";
  return head + " groups { code: \"g\" max: 100 " + items + " }";
}

TEST(SchemeLanguage, TwoItemsThatWouldScoreOneIndicatorAreRefused) {
  absl::StatusOr<SchemeFile> file = ParseSchemeFile("t.textproto", SchemeWithItems(R"pb(
                                                      items {
                                                        code: "g.output"
                                                        max: 60
                                                        source: ITEM_SOURCE_INDICATORS
                                                        select { level1: "产出指标" }
                                                      }
                                                      items {
                                                        code: "g.cost"
                                                        max: 40
                                                        source: ITEM_SOURCE_INDICATORS
                                                        select { level2: "14" }
                                                      }
                                                    )pb"));
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(std::string(file.status().message()),
              HasSubstr("items g.output and g.cost both select level2 \"14\""));

  file = ParseSchemeFile(
      "t.textproto", SchemeWithItems(R"pb(
        items { code: "g.a" max: 60 source: ITEM_SOURCE_INDICATORS level1_codes: "1" }
        items {
          code: "g.b"
          max: 40
          source: ITEM_SOURCE_INDICATORS
          select { level1: "产出" }
        }
      )pb"));
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(std::string(file.status().message()), HasSubstr("both select level1 \"1\""));
}

TEST(SchemeLanguage, TheMostSpecificSelectorTakesAnIndicator) {
  absl::StatusOr<SchemeFile> file = ParseSchemeFile("t.textproto", SchemeWithItems(R"pb(
                                                      items {
                                                        code: "g.output"
                                                        max: 60
                                                        source: ITEM_SOURCE_INDICATORS
                                                        select { level1: "1" }
                                                      }
                                                      items {
                                                        code: "g.core"
                                                        max: 40
                                                        source: ITEM_SOURCE_INDICATORS
                                                        select { tag: "core" }
                                                      }
                                                    )pb"));
  ASSERT_TRUE(file.ok()) << file.status();
  absl::StatusOr<v1::ScoreCard> card = ScoreReport(Report(R"pb(
                                                     kind: REPORT_KIND_PROJECT_SELF_EVALUATION
                                                     fiscal_year: 2023
                                                     indicators {
                                                       id: "1"
                                                       level1_code: "1"
                                                       name: "a"
                                                       target { text: "5个" }
                                                       actual { text: "5个" }
                                                     }
                                                     indicators {
                                                       id: "2"
                                                       level1_code: "1"
                                                       name: "b"
                                                       tags: "core"
                                                       target { text: "5个" }
                                                       actual { text: "4个" }
                                                     }
                                                   )pb"),
                                                   testing::Prepared(file->scheme));
  ASSERT_TRUE(card.ok());
  ASSERT_EQ(Line(*card, "g.output").sub_lines_size(), 1);
  ASSERT_EQ(Line(*card, "g.core").sub_lines_size(), 1);
  EXPECT_EQ(Line(*card, "g.core").sub_lines(0).indicator_id(), "2");
  EXPECT_EQ(card->total(), 92);  // 60 + 40 × 4/5: counted once
}

TEST(SchemeLanguage, PrintedRowWeightsRuleAsPrinted) {
  const PreparedScheme scheme = testing::ShippedPreparedScheme("sichuan-transfer-payment");
  v1::EvaluationReport report = Report(R"pb(
    kind: REPORT_KIND_PROJECT_SELF_EVALUATION
    fiscal_year: 2023
    indicators {
      id: "1"
      level1_code: "1"
      name: "a"
      weight: 60
      declared_score: 60
      target { text: "≥10%" }
      actual { text: "115.25%" }
    }
    indicators {
      id: "2"
      level1_code: "3"
      name: "b"
      weight: 40
      declared_score: 40
      target { text: "≥80%" }
      actual { text: "≥80%" }
    }
  )pb");
  absl::StatusOr<v1::ScoreCard> card = ScoreReport(report, scheme);
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->total(), 100);
  EXPECT_EQ(Line(*card, "project.indicators").sub_lines(0).max(), 60);

  report.mutable_indicators(1)->set_weight(30);  // the rows now add up to 90
  card = ScoreReport(report, scheme);
  ASSERT_TRUE(card.ok()) << card.status();
  EXPECT_EQ(Line(*card, "project.indicators").sub_lines(1).max(), 30);
  EXPECT_EQ(card->total(), 90);
  bool flagged = false;
  for (const v1::Finding& finding : card->findings()) {
    flagged |= finding.code() == "ROW_WEIGHTS_DO_NOT_ADD_UP";
  }
  EXPECT_TRUE(flagged);
}

TEST(SchemeLanguage, VariantConditionsCombine) {
  ASSERT_OK_AND_ASSIGN(
      VariantCondition condition,
      ParseVariantCondition("has_cost_indicator and not no_special_funds or kind_evaluation"));
  ASSERT_EQ(condition.any_of.size(), 2u);
  EXPECT_EQ(condition.any_of[0].size(), 2u);
  EXPECT_TRUE(condition.any_of[0][1].negated);
  EXPECT_THAT(std::string(ParseVariantCondition("has_cost_indicator and").status().message()),
              HasSubstr("ends without a predicate"));
  EXPECT_THAT(std::string(ParseVariantCondition("kind_projet").status().message()),
              HasSubstr("did you mean \"kind_project\""));
}

TEST(SchemeLanguage, MisspeltNamesGetTheClosestKnownName) {
  const auto refusal = [](const std::string& items) {
    absl::StatusOr<SchemeFile> file = ParseSchemeFile("t.textproto", SchemeWithItems(items));
    return file.ok() ? std::string() : std::string(file.status().message());
  };
  EXPECT_THAT(
      refusal(
          R"pb(items { code: "g.a" max: 100 source: ITEM_SOURCE_INDICATORS levl1_codes: "1" })pb"),
      HasSubstr("(did you mean \"level1_codes\"?)"));
  EXPECT_THAT(
      refusal(
          R"pb(items { code: "g.a" max: 100 source: ITEM_SOURCE_INDICATOR level1_codes: "1" })pb"),
      HasSubstr("(did you mean \"ITEM_SOURCE_INDICATORS\"?)"));
  EXPECT_THAT(refusal(R"pb(items {
                             code: "g.a"
                             max: 100
                             source: ITEM_SOURCE_INDICATORS
                             level1_codes: "1"
                             indicator_rules { completion { preset: "proportionl" } }
                           })pb"),
              HasSubstr("(did you mean \"proportional\"?)"));
  const std::string moved = refusal(R"pb(
    items { code: "g.a" max: 90 source: ITEM_SOURCE_INDICATORS level1_codes: "1" }
    items {
      code: "g.b"
      max: 10
      source: ITEM_SOURCE_INDICATORS
      level1_codes: "3"
      absent: ABSENT_POLICY_MOVE
      absent_to: "g.aa"
    })pb");
  EXPECT_THAT(moved, HasSubstr("absent_to \"g.aa\" is no item (did you mean \"g.a\"?)"));
  EXPECT_THAT(moved, HasSubstr("t.textproto:"));
}

TEST(SchemeLanguage, ACurveOfPointsReadsStepsAndLines) {
  absl::StatusOr<SchemeFile> file = ParseSchemeFile("t.textproto", SchemeWithItems(R"pb(
                                                      items {
                                                        code: "g.a"
                                                        max: 100
                                                        source: ITEM_SOURCE_INDICATORS
                                                        level1_codes: "1"
                                                        indicator_rules {
                                                          completion {
                                                            interpolation: INTERPOLATION_LINEAR
                                                            points { percent: 80 share: 0 }
                                                            points { percent: 100 share: 1 }
                                                          }
                                                        }
                                                      })pb"));
  ASSERT_TRUE(file.ok()) << file.status();
  const PreparedScheme scheme = testing::Prepared(file->scheme);
  const auto score = [&](const std::string& actual) {
    v1::EvaluationReport report = Report(
        R"pb(kind: REPORT_KIND_PROJECT_SELF_EVALUATION
             fiscal_year: 2023
             indicators {
               id: "1"
               level1_code: "1"
               name: "a"
               target { text: "100个" }
             })pb");
    report.mutable_indicators(0)->mutable_actual()->set_text(actual);
    absl::StatusOr<v1::ScoreCard> scored = ScoreReport(report, scheme);
    return scored.ok() ? scored->total() : -1;
  };
  EXPECT_EQ(score("100个"), 100);
  EXPECT_EQ(score("99个"), 95);  // −5% of the weight per point below 100
  EXPECT_EQ(score("90.5个"), 52.5);
  EXPECT_EQ(score("80个"), 0);
  EXPECT_EQ(score("70个"), 0);
}

}  // namespace
}  // namespace jixiao::scoring
