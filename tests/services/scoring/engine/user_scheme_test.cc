// A user's own scheme (the README example) scores a seed report: rules are
// data, overridable per item, with no change to the engine.

#include <iostream>
#include <string>

#include "gtest/gtest.h"
#include "services/scoring/engine/explanation/scorecard_text.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

const v1::ScoreLine& Sub(const v1::ScoreLine& line, const std::string& id) {
  for (const v1::ScoreLine& sub : line.sub_lines()) {
    if (sub.indicator_id() == id) return sub;
  }
  ADD_FAILURE() << "no " << id;
  return v1::ScoreLine::default_instance();
}

TEST(UserScheme, TheReadmeExampleScoresWithItsOwnRules) {
  ASSERT_OK_AND_ASSIGN(SchemeFile file,
                       ParseSchemeFile("example.textproto", testing::ReadmeExampleText()));
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card,
                       ScoreReport(testing::SeedReport("tianhe-commerce-finance-bureau-2023"),
                                   testing::Prepared(file.scheme)));
  PrintScoreCard(card, std::cout);

  const v1::ScoreGroup& effectiveness = card.groups(0);
  const v1::ScoreLine& output = effectiveness.lines(0);
  const v1::ScoreLine& benefit = effectiveness.lines(1);
  const v1::ScoreLine& execution = effectiveness.lines(2);
  // Scheme-level rule: above 120% is flagged, not penalized.
  EXPECT_EQ(Sub(output, "产出-8").reason_code(), "OVER_COMPLETION_FLAGGED");
  EXPECT_EQ(Sub(output, "产出-8").points(), Sub(output, "产出-8").max());
  // The benefit item's override penalizes above 150%.
  EXPECT_EQ(Sub(benefit, "效益-1").reason_code(), "OVER_COMPLETION_PENALIZED");
  EXPECT_NEAR(Sub(benefit, "效益-1").points(), Sub(benefit, "效益-1").max() / 2, 0.01);
  // Stepwise execution: 98.54% reaches the 95% band.
  EXPECT_EQ(execution.reason_code(), "EXECUTION_STEP_BAND");
  EXPECT_EQ(execution.points(), 10);
  // The declared 管理效率 is not in the report: incomplete, and graded on nothing.
  EXPECT_FALSE(card.complete());
  EXPECT_EQ(card.scheme().id(), "example-district-department");
}

}  // namespace
}  // namespace jixiao::scoring
