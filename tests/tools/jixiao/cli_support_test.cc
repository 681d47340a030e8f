#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/status_macros.h"
#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {
namespace {

// The options compare, statistics and credibility share, parsed from `args`.
absl::StatusOr<CohortYearOptions> ParseCohortYear(const std::vector<std::string>& args) {
  OptionSet options("jixiao test", "");
  CohortYearOptions parsed;
  AddCohortYearOptions(options, parsed);
  if (auto outcome = options.Parse(args, {}); !outcome.ok()) return outcome.status();
  return parsed;
}

TEST(CommandOptions, ReadIntoTypedFields) {
  ASSERT_OK_AND_ASSIGN(auto parsed, ParseCohortYear({"--year", "2024", "--json", "--scheme=x@2",
                                                     "--district", "440106", "--district=440103",
                                                     "--level", "District", "--sector", "教育"}));
  EXPECT_EQ(parsed.year, 2024);
  EXPECT_TRUE(parsed.query.json);
  ASSERT_TRUE(parsed.query.scheme.has_value());
  EXPECT_EQ(parsed.query.scheme->id(), "x");
  EXPECT_EQ(parsed.query.scheme->version(), 2);
  EXPECT_THAT(parsed.district_codes, ::testing::ElementsAre("440106", "440103"));
  ASSERT_TRUE(parsed.cohort.has_value());
  EXPECT_EQ(parsed.cohort->level(), jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_THAT(parsed.cohort->sector_tags(), ::testing::ElementsAre("教育"));
  EXPECT_EQ(parsed.query.endpoint.address, "localhost:50053");
}

TEST(CommandOptions, LeaveSchemeAndCohortUnsetWhenNotGiven) {
  ASSERT_OK_AND_ASSIGN(auto parsed, ParseCohortYear({"--year", "2023"}));
  EXPECT_FALSE(parsed.query.scheme.has_value());  // the service's default
  EXPECT_FALSE(parsed.cohort.has_value());        // every department
  EXPECT_FALSE(parsed.query.json);
}

TEST(CommandOptions, RefuseWhatDoesNotParseNamingTheOption) {
  for (const auto& [args, problem] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{}, "--year is required"},
           {{"--yaer", "2024"}, "unknown option --yaer"},
           {{"--year"}, "--year needs a value"},
           {{"--year", "-1"}, "--year must be a year"},
           {{"--year", "2023", "--year", "2024"}, "--year is given more than once"},
           {{"--year", "2023", "--scheme", "x@0"}, "--scheme takes ID or ID@VERSION"},
           {{"--year", "2023", "--level", "town"}, "--level must be province, city"},
           {{"--year", "2023", "stray"}, "unexpected argument \"stray\""}}) {
    auto parsed = ParseCohortYear(args);
    ASSERT_FALSE(parsed.ok()) << problem;
    EXPECT_THAT(std::string(parsed.status().message()), ::testing::HasSubstr(problem));
  }
}

TEST(CommandOptions, SchemeRefsAndLevels) {
  ASSERT_OK_AND_ASSIGN(auto latest, ParseSchemeRef("guangzhou-department"));
  EXPECT_EQ(latest.id(), "guangzhou-department");
  EXPECT_EQ(latest.version(), 0);  // the latest
  ASSERT_OK_AND_ASSIGN(auto pinned, ParseSchemeRef("mof-2020-10@2"));
  EXPECT_EQ(pinned.version(), 2);
  for (const char* bad : {"", "@1", "x@", "x@0", "x@two"}) EXPECT_FALSE(ParseSchemeRef(bad).ok());

  EXPECT_EQ(ParseLevel("District").value_or(jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED),
            jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_FALSE(ParseLevel("unspecified").ok());
  EXPECT_FALSE(ParseLevel("town").ok());
}

TEST(TextTable, PadsChineseByDisplayWidth) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("天河区"), 6u);
  EXPECT_EQ(DisplayWidth("93.13 (不完整)"), 14u);
  EXPECT_EQ(DisplayWidth(std::string("\xE5\xA4", 2)), 2u);  // truncated UTF-8: byte by byte
  TextTable table({"区", "score"});
  table.AddRow({"天河区", "1"});
  table.AddRow({"x", "22"});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "区      score\n"
            "-------------\n"
            "天河区  1\n"
            "x       22\n");
}

}  // namespace
}  // namespace jixiao::cli
