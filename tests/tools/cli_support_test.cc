#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "tools/jixiao/command_line.h"
#include "tools/jixiao/text_table.h"

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

TEST(ParseCommandLine, RefusesUnknownOptionsAndMissingValues) {
  EXPECT_FALSE(ParseCommandLine({"--yaer", "2024"}, {"year"}, {}).ok());
  EXPECT_FALSE(ParseCommandLine({"--year"}, {"year"}, {}).ok());
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
