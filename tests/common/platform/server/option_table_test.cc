#include "common/platform/server/option_table.h"

#include <string>
#include <vector>

#include "common/platform/server/option_validators.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jixiao::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

OptionTable Table() {
  OptionTable table;
  table.Add({"port", "JIXIAO_PORT", "50051", "port to listen on", IntInRange(0, 65535)});
  table.Add({"store", "JIXIAO_STORE", "sqlite:ingest.db", "where reports live", NonEmpty()});
  table.Add({"mode", "", "fast", "how to run", OneOf({"fast", "careful"})});
  return table;
}

std::string ErrorOf(const absl::StatusOr<OptionValues>& values) {
  EXPECT_FALSE(values.ok());
  return std::string(values.status().message());
}

TEST(OptionTableTest, DefaultsApplyWhenNothingIsGiven) {
  absl::StatusOr<OptionValues> values = Table().Parse({}, {});
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_EQ(values->GetInt("port"), 50051);
  EXPECT_EQ(values->Get("store"), "sqlite:ingest.db");
  EXPECT_EQ(values->Source("port"), OptionSource::kDefault);
}

TEST(OptionTableTest, EnvironmentOverridesTheDefaultAndAFlagOverridesBoth) {
  const Environment env = {{"JIXIAO_PORT", "7000"}, {"JIXIAO_STORE", "postgres://db/jixiao"}};
  absl::StatusOr<OptionValues> values = Table().Parse({"--port=8000"}, env);
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_EQ(values->GetInt("port"), 8000);
  EXPECT_EQ(values->Source("port"), OptionSource::kFlag);
  EXPECT_EQ(values->Get("store"), "postgres://db/jixiao");
  EXPECT_EQ(values->Source("store"), OptionSource::kEnvironment);
}

TEST(OptionTableTest, AcceptsTheValueAsTheNextArgument) {
  absl::StatusOr<OptionValues> values = Table().Parse({"--port", "9000", "--mode", "careful"}, {});
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_EQ(values->GetInt("port"), 9000);
  EXPECT_EQ(values->Get("mode"), "careful");
}

TEST(OptionTableTest, BadFlagValueNamesTheFlagTheRuleAndTheValue) {
  EXPECT_EQ(ErrorOf(Table().Parse({"--port=abc"}, {})),
            "--port must be an integer in 0..65535, got \"abc\"");
  EXPECT_EQ(ErrorOf(Table().Parse({"--port", "70000"}, {})),
            "--port must be an integer in 0..65535, got \"70000\"");
  EXPECT_EQ(ErrorOf(Table().Parse({"--port= 80"}, {})),
            "--port must be an integer in 0..65535, got \" 80\"");
}

TEST(OptionTableTest, BadEnvironmentValueNamesTheVariable) {
  EXPECT_EQ(ErrorOf(Table().Parse({}, {{"JIXIAO_PORT", "-1"}})),
            "JIXIAO_PORT must be an integer in 0..65535, got \"-1\"");
  EXPECT_EQ(ErrorOf(Table().Parse({}, {{"JIXIAO_STORE", ""}})),
            "JIXIAO_STORE must not be empty, got \"\"");
}

TEST(OptionTableTest, AFlagFixesABadEnvironmentValue) {
  // Only the value in force is checked: the flag replaces the variable.
  EXPECT_TRUE(Table().Parse({"--port=1"}, {{"JIXIAO_PORT", "nonsense"}}).ok());
}

TEST(OptionTableTest, RefusesUnknownFlagsAndStrayArguments) {
  EXPECT_EQ(ErrorOf(Table().Parse({"--prot=1"}, {})), "unknown flag --prot (see --help)");
  EXPECT_EQ(ErrorOf(Table().Parse({"--verbose"}, {})), "unknown flag --verbose (see --help)");
  EXPECT_THAT(ErrorOf(Table().Parse({"serve"}, {})), HasSubstr("unexpected argument \"serve\""));
  EXPECT_THAT(ErrorOf(Table().Parse({"-p", "1"}, {})), HasSubstr("unexpected argument \"-p\""));
}

TEST(OptionTableTest, RefusesAMissingValueAndARepeatedFlag) {
  EXPECT_EQ(ErrorOf(Table().Parse({"--port"}, {})), "--port needs a value");
  EXPECT_EQ(ErrorOf(Table().Parse({"--store", "--port=1"}, {})), "--store needs a value");
  EXPECT_EQ(ErrorOf(Table().Parse({"--port=1", "--port=2"}, {})), "--port is given more than once");
}

TEST(OptionTableTest, OneOfListsTheChoices) {
  EXPECT_EQ(ErrorOf(Table().Parse({"--mode=slow"}, {})),
            "--mode must be one of fast, careful, got \"slow\"");
}

TEST(OptionTableTest, AnInvalidDefaultIsReportedAsSuch) {
  OptionTable table = Table();
  table.SetDefault("port", "http");
  EXPECT_EQ(ErrorOf(table.Parse({}, {})),
            "default of --port must be an integer in 0..65535, got \"http\"");
}

TEST(OptionTableTest, HelpSkipsValidation) {
  absl::StatusOr<OptionValues> values = Table().Parse({"--port=abc", "--help"}, {});
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_TRUE(values->help_requested());
}

TEST(OptionTableTest, ReportsUnknownVariablesWithThePrefix) {
  absl::StatusOr<OptionValues> values =
      Table().Parse({}, {{"JIXIAO_PROT", "1"}, {"JIXIAO_PORT", "2"}, {"HOME", "/root"}});
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_THAT(values->unknown_environment(), ElementsAre("JIXIAO_PROT"));
  EXPECT_THAT(Table().Parse({}, {})->unknown_environment(), IsEmpty());
}

TEST(OptionTableTest, UsageListsEveryOptionWithVariableDefaultAndHelp) {
  const std::string usage = Table().Usage("jixiao-ingest");
  EXPECT_THAT(usage, HasSubstr("Usage: jixiao-ingest"));
  EXPECT_THAT(usage, HasSubstr("--port=VALUE  [JIXIAO_PORT]  default \"50051\""));
  EXPECT_THAT(usage, HasSubstr("port to listen on"));
  EXPECT_THAT(usage, HasSubstr("--mode=VALUE  default \"fast\""));
  EXPECT_THAT(usage, HasSubstr("--help"));
}

}  // namespace
}  // namespace jixiao::server
