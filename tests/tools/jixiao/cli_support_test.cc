#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "tools/jixiao/command_line.h"
#include "tools/jixiao/text_table.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

TEST(ParseCommandLine, ReadsOptionsFlagsAndArguments) {
  auto cl = ParseCommandLine({"a.json", "--year", "2024", "--json", "--scheme=x@2", "dir"},
                             {"year", "scheme"}, {"json"});
  ASSERT_TRUE(cl.ok()) << cl.status();
  EXPECT_EQ(cl->Option("year"), "2024");
  EXPECT_EQ(cl->Option("scheme"), "x@2");
  EXPECT_EQ(cl->Option("missing", "fallback"), "fallback");
  EXPECT_TRUE(cl->Flag("json"));
  EXPECT_THAT(cl->arguments, ::testing::ElementsAre("a.json", "dir"));
}

TEST(ParseCommandLine, KeepsEveryValueOfARepeatedOption) {
  auto cl = ParseCommandLine({"--district", "440106", "--district=440103", "--year", "2023"},
                             {"district", "year"}, {});
  ASSERT_TRUE(cl.ok()) << cl.status();
  EXPECT_THAT(cl->Options("district"), ::testing::ElementsAre("440106", "440103"));
  EXPECT_EQ(cl->Option("district"), "440103");  // the last wins where one value is read
  EXPECT_THAT(cl->Options("year"), ::testing::ElementsAre("2023"));
  EXPECT_THAT(cl->Options("sector"), ::testing::IsEmpty());
}

TEST(ParseCommandLine, RefusesUnknownOptionsAndMissingValues) {
  EXPECT_FALSE(ParseCommandLine({"--yaer", "2024"}, {"year"}, {}).ok());
  EXPECT_FALSE(ParseCommandLine({"--year"}, {"year"}, {}).ok());
}

TEST(TypedOptions, SchemeRefsLevelsAndNumbers) {
  auto latest = ParseSchemeRef("guangzhou-department");
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_EQ(latest->id(), "guangzhou-department");
  EXPECT_EQ(latest->version(), 0);  // the latest
  auto pinned = ParseSchemeRef("mof-2020-10@2");
  ASSERT_TRUE(pinned.ok()) << pinned.status();
  EXPECT_EQ(pinned->version(), 2);
  for (const char* bad : {"", "@1", "x@", "x@0", "x@two"}) EXPECT_FALSE(ParseSchemeRef(bad).ok());

  EXPECT_EQ(ParseLevel("District").value_or(jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED),
            jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_FALSE(ParseLevel("unspecified").ok());
  EXPECT_FALSE(ParseLevel("town").ok());

  EXPECT_EQ(ParseIntOption("--top", "10", 1, 1000).value_or(0), 10);
  EXPECT_FALSE(ParseIntOption("--top", "0", 1, 1000).ok());
  EXPECT_FALSE(ParseIntOption("--top", "10x", 1, 1000).ok());
  EXPECT_EQ(ParseYear("--year", "2023").value_or(0), 2023);
  EXPECT_FALSE(ParseYear("--year", "-1").ok());
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
