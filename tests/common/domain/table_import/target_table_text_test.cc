#include "common/domain/table_import/target_table_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tests/support/source_dir.h"

namespace jixiao::table_import {
namespace {

constexpr char kSeedText[] = "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt";

TEST(ImportTargetTableText, ImportsEveryProjectOfTheSeedTable) {
  const auto result = ImportTargetTableText(testing::ReadSourceFile(kSeedText));
  for (const auto& e : result.errors) ADD_FAILURE() << "line " << e.line << ": " << e.reason;
  const auto& table = result.table;
  EXPECT_EQ(table.department().name(), "广州市天河区商务和金融工作局");
  EXPECT_EQ(table.total().fen(), 6'087'400'000);
  EXPECT_EQ(table.fiscal_appropriation_total().fen(), 6'087'400'000);
  ASSERT_EQ(table.projects_size(), 24);
  int indicators = 0;
  for (const auto& p : table.projects()) indicators += p.indicators_size();
  EXPECT_EQ(indicators, 75);  // counted independently from the "N、<digit>-" markers

  const auto& first = table.projects(0);
  EXPECT_EQ(first.name(), "专业批发市场工作经费");
  EXPECT_EQ(first.total().fen(), 15'000'000);
  EXPECT_FALSE(first.has_fiscal_special_account());  // the cell is empty, not zero
  EXPECT_EQ(first.source_line(), 12);
  ASSERT_EQ(first.indicators_size(), 2);
  EXPECT_EQ(first.indicators(0).level1_code(), "1");
  EXPECT_EQ(first.indicators(0).level1_name(), "产出指标");
  EXPECT_EQ(first.indicators(0).level2_code(), "11");
  EXPECT_EQ(first.indicators(0).level2_name(), "数量指标");
  EXPECT_EQ(first.indicators(0).name(), "业态提升和规范整治市场数量");
  EXPECT_EQ(first.indicators(0).period_target().text(), "无");
  EXPECT_EQ(first.indicators(0).target().text(), "5个");
  EXPECT_EQ(first.indicators(1).target().text(), "区内受惠企业不少于10家");
}

TEST(ImportTargetTableText, ReadsHalfWidthPunctuationAndMarkup) {
  const auto result = ImportTargetTableText(testing::ReadSourceFile(kSeedText));
  const auto& last = result.table.projects(23);
  EXPECT_EQ(last.name(), "2023年批发零售业稳增长措施专项资金一");
  EXPECT_EQ(last.total().fen(), 780'000'000);
  ASSERT_EQ(last.indicators_size(), 6);
  EXPECT_EQ(last.indicators(2).level2_code(), "13");
  EXPECT_EQ(last.indicators(2).target().text(), "2024年3月底前");
  EXPECT_EQ(last.indicators(5).level1_code(), "3");
  EXPECT_EQ(last.indicators(5).target().text(), "90%以上");
}

TEST(ImportTargetTableText, NumbersInsideValuesDoNotSplitIndicators) {
  // "2、" inside a value is not a new indicator unless a level code follows.
  const std::string text =
      "项目A\t1.00\t1.00\t\t\t目标\t1、1-产出指标；11-数量指标；场次；实施周期指标值:无；"
      "年度指标值:第2、3季度各1场。2、2-效益指标；22-社会效益；效果；实施周期指标值:无；年度指标值:"
      "好。";
  const auto result = ImportTargetTableText(text);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].reason;
  ASSERT_EQ(result.table.projects(0).indicators_size(), 2);
  EXPECT_EQ(result.table.projects(0).indicators(0).target().text(), "第2、3季度各1场");
}

TEST(ImportTargetTableText, ReportsBadLinesAndKeepsTheGoodOnes) {
  std::vector<std::string> lines = absl::StrSplit(testing::ReadSourceFile(kSeedText), '\n');
  ASSERT_GT(lines.size(), 20u);
  lines[11] =
      "专业批发市场工作经费\t十五\t15.00\t\t\t目标\t1、1-产出指标；11-数量指标；x；实施周期指标值:"
      "无；年度指标值:5个。";
  lines[12] = "天河区巨灾指数保险专项资金\t124.45\t124.45\t\t\t目标\t没有编号的指标";
  lines[13] = "只有两列\t1.00";
  const auto result = ImportTargetTableText(absl::StrJoin(lines, "\n"));
  ASSERT_EQ(result.errors.size(), 3u);
  EXPECT_EQ(result.errors[0].line, 12);
  EXPECT_THAT(result.errors[0].reason, ::testing::HasSubstr("总计"));
  EXPECT_EQ(result.errors[1].line, 13);
  EXPECT_THAT(result.errors[1].reason, ::testing::HasSubstr("1、"));
  EXPECT_EQ(result.errors[2].line, 14);
  EXPECT_THAT(result.errors[2].reason, ::testing::HasSubstr("columns"));
  EXPECT_EQ(result.table.projects_size(), 21);
}

TEST(ImportTargetTableText, EmptyTextImportsNothing) {
  const auto result = ImportTargetTableText("");
  EXPECT_TRUE(result.errors.empty());
  EXPECT_EQ(result.table.projects_size(), 0);
}

}  // namespace
}  // namespace jixiao::table_import
