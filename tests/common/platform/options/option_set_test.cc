// The option parser every jixiao program shares (common/platform/options):
// typed fields, environment variables, checks and the messages they give.
#include "common/platform/options/option_set.h"

#include <sstream>
#include <string>
#include <vector>

#include "common/platform/options/option_checks.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_macros.h"

namespace jixiao::options {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Settings {
  int port = 50051;
  std::string store = "sqlite:ingest.db";
  std::string mode = "fast";
  absl::Duration drain = absl::Seconds(10);
  bool verbose = false;
};

// A set bound to `settings`, which must outlive it.
class BoundSet {
 public:
  BoundSet() : set_("jixiao-ingest", "Stores reports.") {
    set_.Add("--port", settings.port, "port to listen on", "JIXIAO_PORT")
        ->check(IntInRange(0, 65535));
    set_.Add("--store", settings.store, "where reports live", "JIXIAO_STORE")->check(NonEmpty());
    set_.Add("--mode", settings.mode, "how to run")->check(OneOf({"fast", "careful"}));
    set_.AddDuration("--drain-seconds", settings.drain, absl::Seconds(1), "drain deadline",
                     "JIXIAO_DRAIN_SECONDS")
        ->check(IntInRange(0, 3600));
    set_.AddFlag("--verbose", settings.verbose, "say more");
  }

  absl::StatusOr<ParseOutcome> Parse(std::vector<std::string> args, const Environment& env = {}) {
    return set_.Parse(args, env);
  }
  std::string Error(std::vector<std::string> args, const Environment& env = {}) {
    absl::StatusOr<ParseOutcome> outcome = Parse(std::move(args), env);
    EXPECT_FALSE(outcome.ok());
    return std::string(outcome.status().message());
  }
  OptionSet& set() { return set_; }

  Settings settings;

 private:
  OptionSet set_;
};

TEST(OptionSetTest, DefaultsApplyWhenNothingIsGiven) {
  BoundSet table;
  ASSERT_TRUE(table.Parse({}).ok());
  EXPECT_EQ(table.settings.port, 50051);
  EXPECT_EQ(table.settings.store, "sqlite:ingest.db");
  EXPECT_EQ(table.settings.drain, absl::Seconds(10));
  EXPECT_FALSE(table.settings.verbose);
}

TEST(OptionSetTest, EnvironmentOverridesTheDefaultAndAFlagOverridesBoth) {
  BoundSet table;
  const Environment env = {{"JIXIAO_PORT", "7000"}, {"JIXIAO_STORE", "postgres://db/jixiao"}};
  ASSERT_TRUE(table.Parse({"--port=8000"}, env).ok());
  EXPECT_EQ(table.settings.port, 8000);
  EXPECT_EQ(table.settings.store, "postgres://db/jixiao");
}

TEST(OptionSetTest, AcceptsTheValueAsTheNextArgument) {
  BoundSet table;
  ASSERT_TRUE(table.Parse({"--port", "9000", "--mode", "careful", "--drain-seconds", "3"}).ok());
  EXPECT_EQ(table.settings.port, 9000);
  EXPECT_EQ(table.settings.mode, "careful");
  EXPECT_EQ(table.settings.drain, absl::Seconds(3));
}

TEST(OptionSetTest, BadFlagValueNamesTheFlagTheRuleAndTheValue) {
  EXPECT_EQ(BoundSet().Error({"--port=abc"}), "--port must be an integer in 0..65535, got \"abc\"");
  EXPECT_EQ(BoundSet().Error({"--port", "70000"}),
            "--port must be an integer in 0..65535, got \"70000\"");
  EXPECT_EQ(BoundSet().Error({"--port= 80"}), "--port must be an integer in 0..65535, got \" 80\"");
}

TEST(OptionSetTest, BadEnvironmentValueNamesTheVariable) {
  EXPECT_EQ(BoundSet().Error({}, {{"JIXIAO_PORT", "-1"}}),
            "JIXIAO_PORT must be an integer in 0..65535, got \"-1\"");
  EXPECT_EQ(BoundSet().Error({}, {{"JIXIAO_STORE", ""}}),
            "JIXIAO_STORE must not be empty, got \"\"");
}

TEST(OptionSetTest, AFlagFixesABadEnvironmentValue) {
  // Only the value in force is checked: the flag replaces the variable.
  EXPECT_TRUE(BoundSet().Parse({"--port=1"}, {{"JIXIAO_PORT", "nonsense"}}).ok());
}

TEST(OptionSetTest, RefusesUnknownFlagsAndStrayArguments) {
  EXPECT_EQ(BoundSet().Error({"--prot=1"}), "unknown option --prot (see --help)");
  EXPECT_EQ(BoundSet().Error({"--quiet"}), "unknown option --quiet (see --help)");
  EXPECT_THAT(BoundSet().Error({"serve"}), HasSubstr("unexpected argument \"serve\""));
  EXPECT_THAT(BoundSet().Error({"-p", "1"}), HasSubstr("unknown option -p"));
}

TEST(OptionSetTest, RefusesAMissingValueARepeatedFlagAndAValuedSwitch) {
  EXPECT_EQ(BoundSet().Error({"--port"}), "--port needs a value");
  EXPECT_EQ(BoundSet().Error({"--port=1", "--port=2"}), "--port is given more than once");
  EXPECT_EQ(BoundSet().Error({"--verbose=yes"}), "--verbose takes no value");
}

TEST(OptionSetTest, OneOfListsTheChoices) {
  EXPECT_EQ(BoundSet().Error({"--mode=slow"}), "--mode must be one of fast, careful, got \"slow\"");
}

TEST(OptionSetTest, AnInvalidDefaultIsReportedAsSuch) {
  OptionSet set("svc", "");
  std::string store;
  set.Add("--store", store, "where reports live", "JIXIAO_STORE")->check(NonEmpty());
  absl::StatusOr<ParseOutcome> outcome = set.Parse({}, {});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().message(), "default of --store must not be empty, got \"\"");
}

TEST(OptionSetTest, HelpSkipsValidation) {
  ASSERT_OK_AND_ASSIGN(ParseOutcome outcome, BoundSet().Parse({"--port=abc", "--help"}));
  EXPECT_TRUE(outcome.help_requested);
}

TEST(OptionSetTest, ReportsUnknownVariablesWithThePrefix) {
  ASSERT_OK_AND_ASSIGN(
      ParseOutcome outcome,
      BoundSet().Parse({}, {{"JIXIAO_PROT", "1"}, {"JIXIAO_PORT", "2"}, {"HOME", "/root"}}));
  EXPECT_THAT(outcome.unknown_environment, ElementsAre("JIXIAO_PROT"));
  EXPECT_THAT(BoundSet().Parse({})->unknown_environment, IsEmpty());
}

TEST(OptionSetTest, UsageListsEveryOptionWithVariableDefaultAndHelp) {
  BoundSet table;
  const std::string usage = table.set().Usage();
  EXPECT_THAT(usage, HasSubstr("Usage: jixiao-ingest"));
  EXPECT_THAT(usage, HasSubstr("--port INT=50051"));
  EXPECT_THAT(usage, HasSubstr("port to listen on [JIXIAO_PORT]"));
  EXPECT_THAT(usage, HasSubstr("--drain-seconds"));
  EXPECT_THAT(usage, HasSubstr("--help"));
}

TEST(OptionSetTest, UsageErrorsExitTwoAndHelpZero) {
  BoundSet table;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(ExitCodeForParse(table.Parse({"--help"}), table.set(), out, err), kExitOk);
  EXPECT_THAT(out.str(), HasSubstr("Usage: jixiao-ingest"));
  EXPECT_EQ(ExitCodeForParse(table.Parse({"--nope"}), table.set(), out, err), kExitUsage);
  EXPECT_EQ(err.str(),
            "jixiao-ingest: unknown option --nope (see --help)\n"
            "Run jixiao-ingest --help for the options.\n");
}

}  // namespace
}  // namespace jixiao::options
