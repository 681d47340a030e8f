// Target tables in the corpus's layouts with other content (unseen tables), and
// the texts the importer must refuse naming the layout it found.

#include "common/domain/table_import/target_table_layouts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"

namespace jixiao::table_import {
namespace {

using ::testing::HasSubstr;

TEST(ImportAnyTargetTableText, KeepsTheTabSeparatedLayout) {
  ASSERT_OK_AND_ASSIGN(
      const auto imported,
      ImportAnyTargetTableText(testing::ReadSourceFile(
          "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt")));
  EXPECT_EQ(imported.layout, TargetLayout::kTabSeparated);
  EXPECT_EQ(imported.import.table.projects_size(), 24);
}

TEST(ImportAnyTargetTableText, UnseenShortForm) {
  constexpr char kText[] = R"(某县第一中学项目支出目标申报表 (2024年度)
项目支出目标申报表
(2024年度)
项目名称
学生资助经费
项目主管部门
某县第一中学
项目资金申请(万元)
资金总额:
120.5
财政拨款:
100
其他:
20.5
项目总体情况
按标准发放助学金。
一级
二级
三级
年度数值
备注
产出值
数量值
资助学生人数
>=500人
时效值
发放及时率
=100%
效益值
社会效益值
学生辍学率
<=1%
)";
  ASSERT_OK_AND_ASSIGN(const auto imported, ImportAnyTargetTableText(kText));
  EXPECT_EQ(imported.layout, TargetLayout::kShortFormOneCellPerLine);
  const auto& table = imported.import.table;
  EXPECT_EQ(table.fiscal_year(), 2024);
  EXPECT_EQ(table.department().name(), "某县第一中学");
  ASSERT_EQ(table.projects_size(), 1);
  const auto& p = table.projects(0);
  EXPECT_EQ(p.name(), "学生资助经费");
  EXPECT_EQ(p.total().fen(), 120'500'000);
  EXPECT_EQ(p.other_funds().fen(), 20'500'000);
  ASSERT_EQ(p.indicators_size(), 3);
  EXPECT_EQ(p.indicators(0).level2_code(), "11");
  EXPECT_EQ(p.indicators(0).target().text(), ">=500人");
  EXPECT_EQ(p.indicators(2).level1_code(), "2");
  EXPECT_EQ(p.indicators(2).level2_code(), "22");
  EXPECT_TRUE(imported.import.findings.empty());
}

TEST(ImportAnyTargetTableText, UnseenTargetsWithWeightsSettledByTheTotal) {
  constexpr char kText[] = R"(2020年度某县义务教育营养餐项目绩效评价指标表
评价指标评价内容指标名称指标说明目标值分值备注
产出数量指标受益学生人数达到预计值1200030
质量指标食品安全事故发生次数0次40
满意度指标家长满意度达到目标值90%以上30
总分
100
)";
  ASSERT_OK_AND_ASSIGN(const auto imported, ImportAnyTargetTableText(kText));
  EXPECT_EQ(imported.layout, TargetLayout::kTargetsWithWeights);
  const auto& p = imported.import.table.projects(0);
  EXPECT_EQ(p.name(), "某县义务教育营养餐项目");
  ASSERT_EQ(p.indicators_size(), 3);
  // "1200030": 30 is the only weight with 0 < w ≤ 100 and no leading zero... and
  // "0" alone is no weight; the rest, 12000, is the target.
  EXPECT_EQ(p.indicators(0).target().text(), "12000");
  EXPECT_EQ(p.indicators(0).weight(), 30);
  EXPECT_EQ(p.indicators(1).target().text(), "0次");
  EXPECT_EQ(p.indicators(2).target().text(), "90%以上");
  EXPECT_EQ(p.indicators(2).level1_code(), "3");
}

TEST(ImportAnyTargetTableText, UnseenDeclarationForm) {
  constexpr char kText[] = R"(项目支出绩效目标申报表
(2022年度)
项目名称 农村饮水安全维修养护
预算单位 某区水务局
(一)财政拨款小计 45.00
(二)自有资金小计 5.00
(三)其他收入 0.00
绩效指标 一级指标 二级指标 三级指标 指标值(包含数字及文字描述)
绩效指标 产出指标 数量指标 维修供水工程处数 12处
质量指标 维修工程验收合格率 100%
效益指标
社会效益
指标
受益人口 ≥8000人
)";
  ASSERT_OK_AND_ASSIGN(const auto imported, ImportAnyTargetTableText(kText));
  EXPECT_EQ(imported.layout, TargetLayout::kDeclarationForm);
  const auto& p = imported.import.table.projects(0);
  EXPECT_EQ(p.total().fen(), 50'000'000);  // (一)+(二)+(三), said in a finding
  EXPECT_THAT(imported.import.findings.at(0).reason, HasSubstr("sum of the printed subtotals"));
  ASSERT_EQ(p.indicators_size(), 3);
  EXPECT_EQ(p.indicators(0).level2_code(), "11");
  EXPECT_EQ(p.indicators(0).name(), "维修供水工程处数");
  EXPECT_EQ(p.indicators(0).target().text(), "12处");
  EXPECT_EQ(p.indicators(2).level2_code(), "22");
}

TEST(ImportAnyTargetTableText, RefusesASelfEvaluationNamingItsLayout) {
  const auto imported = ImportAnyTargetTableText(
      "项目支出绩效自评表\n(2022年度)\n年度指标值 实际完成值 分值 得分\n总分 100 100\n");
  ASSERT_FALSE(imported.ok());
  EXPECT_THAT(imported.status().message(), HasSubstr("项目支出绩效自评表 (10号"));
}

TEST(ImportAnyTargetTableText, RefusesUnknownText) {
  const auto imported = ImportAnyTargetTableText("通知\n请各单位按时报送。\n");
  ASSERT_FALSE(imported.ok());
  EXPECT_THAT(imported.status().message(), HasSubstr("no known target-table layout"));
}

}  // namespace
}  // namespace jixiao::table_import
