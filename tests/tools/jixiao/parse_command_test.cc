// jixiao parse: what it prints for the readings the lead examples name, and its
// usage errors.

#include "tools/jixiao/parse_command.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jixiao::cli {
namespace {

using ::testing::HasSubstr;

struct ParseRun {
  int exit = -1;
  std::string out;
  std::string err;
};

ParseRun Parse(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  ParseRun run;
  run.exit = RunParse(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

TEST(ParseCommand, AReverseMoneyCapMetByABareActual) {
  const ParseRun run = Parse({"≤90万元", "89.974"});
  ASSERT_EQ(run.exit, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("target.kind: quantity\n"));
  EXPECT_THAT(run.out, HasSubstr("target.number: 900000\n"));
  EXPECT_THAT(run.out, HasSubstr("target.unit: 元\n"));
  EXPECT_THAT(run.out, HasSubstr("target.magnitude: 4\n"));
  EXPECT_THAT(run.out, HasSubstr("actual.magnitude: 0\n"));
  EXPECT_THAT(run.out, HasSubstr("direction: reverse"));
  EXPECT_THAT(run.out, HasSubstr("actual.unit_reading: inherited from the target: 89.974 read as "
                                 "899740 元\n"));
  EXPECT_THAT(run.out, HasSubstr("completion: 99.97%\n"));
  EXPECT_THAT(run.out, HasSubstr("met: yes\n"));
  EXPECT_THAT(run.out, HasSubstr("is within the target"));
}

TEST(ParseCommand, PercentWrittenAsAWord) {
  const ParseRun run = Parse({"≥100百分比", "100"});
  ASSERT_EQ(run.exit, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("target.operator: ≥"));
  EXPECT_THAT(run.out, HasSubstr("target.unit: %\n"));
  EXPECT_THAT(run.out, HasSubstr("direction: positive"));
  EXPECT_THAT(run.out, HasSubstr("completion: 100.00%\n"));
  EXPECT_THAT(run.out, HasSubstr("met: yes\n"));
}

TEST(ParseCommand, WordsAreJudged) {
  const ParseRun run = Parse({"提高", "达成预期指标"});
  ASSERT_EQ(run.exit, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("target.kind: qualitative\n"));
  EXPECT_THAT(run.out, HasSubstr("actual.judgement: achieved\n"));
  EXPECT_THAT(run.out, HasSubstr("basis: judged by words\n"));
  EXPECT_THAT(run.out, HasSubstr("met: yes\n"));
  EXPECT_THAT(run.out, HasSubstr("why: judged by words: 「达成预期指标」 reads as achieved\n"));
}

TEST(ParseCommand, ATargetAloneAndUnknownWords) {
  const ParseRun alone = Parse({"780元/生/年"});
  ASSERT_EQ(alone.exit, 0);
  EXPECT_THAT(alone.out, HasSubstr("target.unit: 元/生/年\n"));
  EXPECT_THAT(alone.out, ::testing::Not(HasSubstr("actual")));
  const ParseRun unknown = Parse({"及时", "按计划推进"});
  EXPECT_THAT(unknown.out, HasSubstr("met: unknown\n"));
  EXPECT_THAT(unknown.out, HasSubstr("不在定性词表中"));
  const ParseRun stated = Parse({"提高", "未完成", "--stated", "100"});
  EXPECT_THAT(stated.out, HasSubstr("basis: stated completion (qualitative)\n"));
}

TEST(ParseCommand, BadUsageIsExitTwoWithTheProblemOnStderr) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {}, {"a", "b", "c"}, {"--nope", "a"}, {"a", "b", "--stated", "x"}}) {
    const ParseRun run = Parse(args);
    EXPECT_EQ(run.exit, 2);
    EXPECT_THAT(run.err, HasSubstr("Run jixiao parse --help for the options."));
    EXPECT_TRUE(run.out.empty());
  }
}

}  // namespace
}  // namespace jixiao::cli
