// Properties over sweeps and random inputs (fixed seeds, so every run checks the
// same cases): a score is never negative and never above its maximum, under
// every curve and policy; a positive indicator's score never falls as its
// actual rises, up to the over-completion threshold.

#include <random>
#include <string>
#include <vector>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

constexpr double kHair = 1e-9;

std::vector<v1::IndicatorRules> AllRuleSets() {
  const std::vector<std::string> curves = {
      "curve: COMPLETION_CURVE_PROPORTIONAL", "curve: COMPLETION_CURVE_THRESHOLD_60_LINEAR",
      "curve: COMPLETION_CURVE_STEPWISE steps { min_percent: 50 fraction: 0.4 } "
      "steps { min_percent: 80 fraction: 0.8 } steps { min_percent: 100 fraction: 1 }"};
  const std::vector<std::string> over = {
      "over_completion { policy: OVER_COMPLETION_POLICY_NONE }",
      "over_completion { policy: OVER_COMPLETION_POLICY_PENALIZE threshold_percent: 150 "
      "penalty_fraction: 0.5 }",
      "over_completion { policy: OVER_COMPLETION_POLICY_PENALIZE threshold_percent: 120 "
      "penalty_fraction: 1 }",
      "over_completion { policy: OVER_COMPLETION_POLICY_FLAG threshold_percent: 130 }"};
  const std::vector<std::string> missing = {
      "missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG",
      "missing_value: MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO"};
  const std::vector<std::string> satisfaction = {
      "",
      "satisfaction_steps { min_percent: 60 fraction: 0.5 } "
      "satisfaction_steps { min_percent: 90 fraction: 1 }"};
  std::vector<v1::IndicatorRules> sets;
  for (const std::string& c : curves) {
    for (const std::string& o : over) {
      for (const std::string& m : missing) {
        for (const std::string& s : satisfaction) {
          v1::IndicatorRules rules;
          const std::string text = c + " " + o + " " + m + " " + s +
                                   " qualitative { achieved: 1 partially_achieved: 0.8 "
                                   "not_achieved: 0.6 }";
          EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &rules)) << text;
          sets.push_back(rules);
        }
      }
    }
  }
  return sets;
}

v1::ParsedValue Quantity(v1::Comparator comparator, double number, const std::string& unit) {
  v1::ParsedValue value;
  value.set_kind(v1::VALUE_KIND_QUANTITY);
  value.set_comparator(comparator);
  value.set_number(number);
  value.set_unit(unit);
  return value;
}

// Any kind of value, mostly quantities.
v1::ParsedValue RandomValue(std::mt19937& rng, double scale) {
  std::uniform_int_distribution<int> pick(0, 19);
  const int kind = pick(rng);
  v1::ParsedValue value;
  if (kind == 0) {
    value.set_kind(v1::VALUE_KIND_ABSENT);
  } else if (kind == 1) {
    value.set_kind(v1::VALUE_KIND_QUALITATIVE);
  } else if (kind == 2) {
    value.set_kind(v1::VALUE_KIND_DEADLINE);
    value.set_deadline(pick(rng) % 2 == 0 ? "2024-03-31" : "2024-05-01");
  } else {
    const v1::Comparator comparators[] = {v1::COMPARATOR_EQ, v1::COMPARATOR_GE,
                                          v1::COMPARATOR_GT, v1::COMPARATOR_LE,
                                          v1::COMPARATOR_LT, v1::COMPARATOR_APPROX};
    std::uniform_real_distribution<double> number(-0.5 * scale, 4 * scale);
    const double n = kind == 3 ? 0 : number(rng);
    value = Quantity(comparators[pick(rng) % 6], n, pick(rng) == 4 ? "人" : "家");
  }
  return value;
}

v1::Indicator RandomIndicator(std::mt19937& rng) {
  std::uniform_real_distribution<double> scale(0.01, 1e6);
  std::uniform_int_distribution<int> coin(0, 3);
  const double s = scale(rng);
  v1::Indicator indicator;
  indicator.set_id("x");
  indicator.set_level1_code(std::to_string(1 + coin(rng) % 3));
  *indicator.mutable_target()->mutable_parsed() = RandomValue(rng, s);
  *indicator.mutable_actual()->mutable_parsed() = RandomValue(rng, s);
  indicator.set_reverse(coin(rng) == 0);
  if (coin(rng) != 0) {
    std::uniform_real_distribution<double> stated(-50, 1000);
    indicator.set_stated_completion_percent(std::to_string(stated(rng)));
  }
  if (coin(rng) != 0) {
    std::uniform_real_distribution<double> declared(-5, 200);  // sometimes above any weight
    indicator.set_declared_score(declared(rng));
  }
  return indicator;
}

TEST(ScoringProperties, AnIndicatorsScoreStaysWithinZeroAndItsWeight) {
  const std::vector<v1::IndicatorRules> rule_sets = AllRuleSets();
  std::mt19937 rng(20240601);
  std::uniform_real_distribution<double> weight(0, 50);
  std::uniform_real_distribution<double> stated_weight(0, 30);
  for (int i = 0; i < 4000; ++i) {
    const v1::Indicator indicator = RandomIndicator(rng);
    const double w = RoundTo(weight(rng), 2);
    const std::optional<double> sw =
        i % 3 == 0 ? std::nullopt : std::optional<double>(stated_weight(rng));
    for (const v1::IndicatorRules& rules : rule_sets) {
      const testing::ExplainedIndicator score = testing::ScoreOneIndicator(indicator, rules, w, sw);
      ASSERT_GE(score.line.points(), 0) << indicator.ShortDebugString() << "\n"
                                        << rules.ShortDebugString();
      ASSERT_LE(score.line.points(), w + kHair) << indicator.ShortDebugString() << "\n"
                                                << rules.ShortDebugString();
      ASSERT_FALSE(score.line.reason_code().empty());
      ASSERT_FALSE(score.line.explanation().empty());
    }
  }
}

double PointsFor(const v1::IndicatorRules& rules, v1::Comparator comparator, double target,
                 double actual) {
  v1::Indicator indicator;
  *indicator.mutable_target()->mutable_parsed() = Quantity(comparator, target, "个");
  *indicator.mutable_actual()->mutable_parsed() = Quantity(v1::COMPARATOR_EQ, actual, "个");
  return testing::ScoreOneIndicator(indicator, rules, 10).line.points();
}

TEST(ScoringProperties, APositiveScoreNeverFallsAsTheActualRisesUpToTheThreshold) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> target(0.5, 5e5);
  for (const v1::IndicatorRules& rules : AllRuleSets()) {
    const bool penalizes = rules.over_completion().policy() == v1::OVER_COMPLETION_POLICY_PENALIZE;
    const double top = penalizes ? rules.over_completion().threshold_percent() / 100 : 10;
    for (v1::Comparator comparator :
         {v1::COMPARATOR_GE, v1::COMPARATOR_GT, v1::COMPARATOR_EQ, v1::COMPARATOR_APPROX}) {
      for (int t = 0; t < 8; ++t) {
        const double goal = target(rng);
        double previous = -1;
        for (int step = 0; step <= 250; ++step) {
          const double actual = goal * top * step / 250;
          const double points = PointsFor(rules, comparator, goal, actual);
          ASSERT_GE(points, previous) << "target " << goal << " actual " << actual << "\n"
                                      << rules.ShortDebugString();
          previous = points;
        }
      }
    }
  }
}

TEST(ScoringProperties, AReverseScoreNeverRisesAsTheActualRises) {
  const v1::IndicatorRules rules = AllRuleSets().front();
  for (double goal : {0.5, 5.0, 1234.0}) {
    double previous = 11;
    for (int step = 0; step <= 300; ++step) {
      const double points = PointsFor(rules, v1::COMPARATOR_LE, goal, goal * 3 * step / 300);
      ASSERT_LE(points, previous);
      previous = points;
    }
  }
}

// Random department and project reports under every shipped scheme: every line,
// group and total within bounds, and items never above the sum of their parts.
TEST(ScoringProperties, WholeScorecardsStayWithinTheirMaxima) {
  const std::vector<PreparedScheme> schemes = {
      testing::ShippedPreparedScheme("guangzhou-department"),
      testing::ShippedPreparedScheme("mof-2020-10"),
      testing::ShippedPreparedScheme("mof-2021-101")};
  std::mt19937 rng(99);
  std::uniform_int_distribution<int> count(0, 40);
  std::uniform_int_distribution<int> coin(0, 2);
  std::uniform_int_distribution<int64_t> fen(0, 5000000000);
  for (int r = 0; r < 150; ++r) {
    v1::EvaluationReport report;
    const int n = count(rng);
    for (int i = 0; i < n; ++i) {
      v1::Indicator* indicator =
          coin(rng) == 0 ? report.add_key_tasks()->add_indicators() : report.add_indicators();
      *indicator = RandomIndicator(rng);
      if (coin(rng) == 0) indicator->set_weight(std::uniform_real_distribution<double>(0, 20)(rng));
    }
    if (coin(rng) != 0) {
      report.mutable_budget()->mutable_adjusted()->set_fen(fen(rng) + 1);
      report.mutable_budget()->mutable_final()->set_fen(fen(rng));
    }
    if (coin(rng) == 0) {
      v1::SpecialFund* fund = report.mutable_budget()->add_special_funds();
      fund->set_all_indicators_met(coin(rng) == 0);
      fund->set_stated_execution_percent(std::to_string(fen(rng) % 150));
    }
    for (const PreparedScheme& scheme : schemes) {
      report.set_kind(scheme.scheme().report_kind());
      ASSERT_OK_AND_ASSIGN(v1::ScoreCard card, ScoreReport(report, scheme));
      double total = 0;
      for (const v1::ScoreGroup& group : card.groups()) {
        ASSERT_GE(group.points(), 0);
        ASSERT_LE(group.points(), group.max() + kHair);
        for (const v1::ScoreLine& line : group.lines()) {
          ASSERT_GE(line.points(), 0) << line.ShortDebugString();
          ASSERT_LE(line.points(), line.max() + kHair) << line.ShortDebugString();
          double sub_max = 0;
          for (const v1::ScoreLine& sub : line.sub_lines()) {
            ASSERT_GE(sub.points(), 0);
            ASSERT_LE(sub.points(), sub.max() + kHair);
            sub_max += sub.max();
          }
          if (line.sub_lines_size() > 0 && line.reason_code() == "INDICATORS_RECOMPUTED") {
            ASSERT_NEAR(sub_max, line.max(), kHair);
          }
        }
        total += group.points();
      }
      ASSERT_NEAR(card.total(), RoundTo(total, 2), kHair);
      ASSERT_LE(card.total(), card.max() + kHair);
      ASSERT_EQ(card.max(), 100);
      ASSERT_GE(card.recomputed_share(), 0);
      ASSERT_LE(card.recomputed_share(), 1);
    }
  }
}

}  // namespace
}  // namespace jixiao::scoring
