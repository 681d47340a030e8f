// `jixiao score` offline: the files of a folder scored under a shipped
// scheme, and every file that could not be scored named with its reason.

#include "tools/jixiao/score_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"

namespace jixiao::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class ScoreCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(dir_, jixiao::testing::TempDir::Create("score_command_test"));
  }

  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_->File(name), std::ios::binary) << content;
  }

  void CopySeed(const std::string& seed, const std::string& name) {
    Write(name, jixiao::testing::ReadSourceFile("data/seeds/" + seed));
  }

  RunResult Score(std::vector<std::string> args) {
    args.insert(args.end(), {"--schemes", jixiao::testing::SourcePath("services/scoring/schemes")});
    std::ostringstream out;
    std::ostringstream err;
    RunResult result;
    result.exit_code = RunScore(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
  }

  std::unique_ptr<jixiao::testing::TempDir> dir_;
};

TEST_F(ScoreCommandTest, AMalformedFileIsNamedWithItsErrorAndFailsTheRun) {
  CopySeed("tianhe-ccpit-2023.json", "a-good.json");
  Write("b-broken.json", "{\"kind\": \"REPORT_KIND_DEPARTMENT_SELF_EVALUATION\", \"fiscal_year\":");

  const RunResult run = Score({dir_->path()});

  EXPECT_EQ(run.exit_code, 1);
  // The broken file, by path, with the parser's reason.
  EXPECT_THAT(run.err, HasSubstr(dir_->File("b-broken.json") + ": not scored: "));
  EXPECT_THAT(run.err, HasSubstr("not a valid jixiao.v1.EvaluationReport JSON"));
  EXPECT_THAT(run.err, Not(HasSubstr("a-good.json")));
  // The good file is scored all the same.
  EXPECT_THAT(run.out, HasSubstr("中国国际贸易促进委员会广州市天河区委员会"));
  EXPECT_THAT(run.out, Not(HasSubstr("项目")));  // no project among the rows
  // Each value under its heading: the year, then the recomputed score and grade.
  EXPECT_THAT(run.out, HasSubstr("年度  重算得分  等级  自评得分"));
  EXPECT_THAT(run.out, HasSubstr("2023  99.98     优    99.98"));
}

TEST_F(ScoreCommandTest, GoodFilesAndATargetTableBesideThemPass) {
  CopySeed("tianhe-ccpit-2023.json", "a-good.json");
  CopySeed("tianhe-commerce-finance-bureau-2024-project-targets.json", "targets.json");

  const RunResult run = Score({dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr(dir_->File("targets.json") + ": a target table, not a report"));
  EXPECT_THAT(run.out, HasSubstr("中国国际贸易促进委员会广州市天河区委员会"));
}

TEST_F(ScoreCommandTest, AFileThatCannotBeReadIsNamed) {
  const RunResult run = Score({dir_->File("missing.json")});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("missing.json"));
}

}  // namespace
}  // namespace jixiao::cli
