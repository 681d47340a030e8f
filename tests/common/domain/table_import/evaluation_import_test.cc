// The self-evaluation importer on tables written for these tests: the corpus's
// forms with other content (unseen tables), the findings it must give, and the
// layouts it must refuse. The corpus tables themselves are pinned by
// corpus_import_golden_test.cc.

#include "common/domain/table_import/evaluation_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_join.h"
#include "common/domain/table_import/evaluation_layout.h"
#include "common/domain/table_import/indicator_cells.h"
#include "common/domain/table_import/table_words.h"
#include "tests/support/status_macros.h"

namespace jixiao::table_import {
namespace {

using ::testing::HasSubstr;

std::string AllFindings(const EvaluationImport& imported) {
  std::vector<std::string> lines;
  for (const auto& f : imported.findings) lines.push_back(FindingText(f));
  return absl::StrJoin(lines, "\n");
}

// A 10号 form of another county and sector, one row per line, with a deviation
// reason, a row scored below its weight, and a row whose cells cannot be placed.
constexpr char kForm10Lines[] = R"(项目支出绩效自评表
(2023年度)
项目名称 高标准农田建设补助
主管部门 某县农业农村局 实施单位 某县农田建设服务中心
项目资金
(万元)
年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
年度资金总额: 1,200 1,500 1,350 10 90% 9
其中:本年财政拨款 1,200 1,500 1,350 - -
年度总体目标完成情况 预期目标 实际完成情况
建成高标准农田1万亩。 建成0.96万亩。
年度绩效指标完成情况 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标
数量指标 指标1:新建高标准农田面积 10000亩 9600亩 25 24 雨季延误施工,次年春季补建
指标2:
质量指标 指标1:工程验收合格率 100% 100% 25
时效指标 完工及时率 100% 95% 0 0
效益指标
社会效益
指标
指标1:受益农户数 ≥3000户 3200户 30 30
满意度指标
服务对象
满意度指标
指标1:受益农户满意度 ≥90% 95% 10 10
总分 100 92
)";

TEST(ImportEvaluationText, UnseenForm10Lines) {
  ASSERT_OK_AND_ASSIGN(auto imported, ImportEvaluationText(kForm10Lines));
  EXPECT_EQ(imported.layout, EvaluationLayout::kForm10Lines);
  const auto& r = imported.report;
  EXPECT_EQ(r.fiscal_year(), 2023);
  EXPECT_EQ(r.source().title(), "高标准农田建设补助");
  EXPECT_EQ(r.department().name(), "某县农田建设服务中心");
  EXPECT_EQ(r.project_code(), DerivedProjectCode("高标准农田建设补助"));
  EXPECT_EQ(r.budget().initial().fen(), 1'200'000'000);
  EXPECT_EQ(r.budget().adjusted().fen(), 1'500'000'000);
  EXPECT_EQ(r.budget().final().fen(), 1'350'000'000);
  EXPECT_EQ(r.budget().stated_execution_percent(), "90");
  ASSERT_EQ(r.effectiveness_items_size(), 1);
  EXPECT_EQ(r.effectiveness_items(0).code(), "project.budget_execution");
  EXPECT_EQ(r.effectiveness_items(0).declared_score(), 9);
  EXPECT_EQ(r.declared().total(), 92);
  ASSERT_EQ(r.indicators_size(), 5);
  const auto& first = r.indicators(0);
  EXPECT_EQ(first.level2_code(), "11");
  EXPECT_EQ(first.target().text(), "10000亩");
  EXPECT_EQ(first.actual().text(), "9600亩");
  EXPECT_EQ(first.weight(), 25);
  EXPECT_EQ(first.declared_score(), 24);
  EXPECT_EQ(first.deviation_reason(), "雨季延误施工,次年春季补建");
  // Three cells after the name: which are which is unknown, so none is taken.
  EXPECT_FALSE(r.indicators(1).has_weight());
  EXPECT_THAT(AllFindings(imported), HasSubstr("row 2 (工程验收合格率): 3 cells"));
  // A row without its "指标1:" label.
  EXPECT_EQ(r.indicators(2).level2_code(), "13");
  EXPECT_EQ(r.indicators(2).name(), "完工及时率");
  EXPECT_EQ(r.indicators(2).actual().text(), "95%");
  EXPECT_EQ(r.indicators(2).weight(), 0);
  EXPECT_EQ(r.indicators(3).level1_code(), "2");
  EXPECT_EQ(r.indicators(3).level2_code(), "22");  // "社会效益" / "指标" over two lines
  EXPECT_EQ(r.indicators(4).level2_code(), "31");
}

// The same form flattened, with another project's rows run together.
constexpr char kForm10Flattened[] =
    "项目支出绩效自评表(2021 年度)项目名称乡村道路养护经费主管部门某区交通局实施单位某区公路养护站"
    "项目资金 (万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额5005004501090%9"
    "其中:当年财政拨款500500450年度 总体 目标预期目标实际完成情况养护乡村道路120公里。已完成"
    "绩 效 指 标一级指标二级指标三级指标年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施"
    "产出指标数量指标养护道路里程120公里118公里3028指标2:质量指标路面完好率≥90%93%3030"
    "效益指标社会效益 指标群众出行便利程度提高提高2020指标1:指标2:满意度指标服务对象 满意度指"
    "标沿线群众满意度≥85%88%1010总分10097";

TEST(ImportEvaluationText, UnseenForm10Flattened) {
  ASSERT_OK_AND_ASSIGN(auto imported, ImportEvaluationText(kForm10Flattened));
  EXPECT_EQ(imported.layout, EvaluationLayout::kForm10Flattened);
  const auto& r = imported.report;
  EXPECT_EQ(r.fiscal_year(), 2021);
  EXPECT_EQ(r.source().title(), "乡村道路养护经费");
  // 500 | 500 | 450 | 10 | 90% | 9: the only split whose rate is 450 / 500.
  EXPECT_EQ(r.budget().adjusted().fen(), 500'000'000);
  EXPECT_EQ(r.budget().final().fen(), 450'000'000);
  ASSERT_EQ(r.effectiveness_items_size(), 1);
  EXPECT_EQ(r.effectiveness_items(0).weight(), 10);
  EXPECT_EQ(r.effectiveness_items(0).declared_score(), 9);
  ASSERT_EQ(r.indicators_size(), 4);
  EXPECT_EQ(r.indicators(0).name(), "养护道路里程");
  EXPECT_EQ(r.indicators(0).target().text(), "120公里");
  EXPECT_EQ(r.indicators(0).actual().text(), "118公里");
  EXPECT_EQ(r.indicators(0).weight(), 30);
  EXPECT_EQ(r.indicators(0).declared_score(), 28);
  EXPECT_EQ(r.indicators(1).target().text(), "≥90%");
  EXPECT_EQ(r.indicators(2).target().text(), "提高");
  EXPECT_EQ(r.indicators(2).level2_code(), "22");
  EXPECT_EQ(r.indicators(3).level2_code(), "31");
  EXPECT_EQ(r.declared().total(), 97);
}

TEST(ImportEvaluationText, FlattenedRowWhoseValuesCannotBeSeparatedIsAFinding) {
  const std::string text = absl::StrCat(
      "项目支出绩效自评表(2021年度)项目名称X经费实施单位Y项目资金年度资金总额10010010010100%10"
      "年度指标值实际完成值分值得分偏差原因分析及改进措施产出指标数量指标完成户数",
      "12312050", "45总分5045");
  ASSERT_OK_AND_ASSIGN(auto imported, ImportEvaluationText(text));
  ASSERT_GE(imported.report.indicators_size(), 1);
  EXPECT_THAT(AllFindings(imported), HasSubstr("cannot be told apart from the name"));
}

// A central transfer-payment form whose value cells do not add up to 100: the
// pairs are not read as weights, and every row says so.
constexpr char kTransferNoScores[] = R"(农村综合改革转移支付绩效目标自评表
(2022年度)
转移支付(项目)名称农村公益事业财政奖补
中央主管部门财政部
地方主管部门某县财政局资金使用单位某县财政局
全年预算数(A)全年执行数(B)预算执行率(B/A)
年度资金总额:30024080%
其中:中央补助30024080%
总体目标完成情况总体目标全年实际完成情况
建设村内道路等公益设施。已建成。
绩效指标一级
指标
二级指标三级指标指标值全年实际完成值未完成原因和改进措施
数量指标奖补项目个数1512
质量指标验收合格率3030
说明
)";

TEST(ImportEvaluationText, UnseenTransferFormWithoutWeights) {
  ASSERT_OK_AND_ASSIGN(auto imported, ImportEvaluationText(kTransferNoScores));
  EXPECT_EQ(imported.layout, EvaluationLayout::kTransferNoScores);
  const auto& r = imported.report;
  EXPECT_EQ(r.source().title(), "农村公益事业财政奖补");
  EXPECT_EQ(r.budget().adjusted().fen(), 300'000'000);
  EXPECT_EQ(r.budget().final().fen(), 240'000'000);
  EXPECT_EQ(r.budget().stated_execution_percent(), "80");
  ASSERT_EQ(r.indicators_size(), 2);
  EXPECT_FALSE(r.indicators(0).has_weight());
  EXPECT_FALSE(r.indicators(0).has_target());  // "1512" is never a target of 1512
  EXPECT_THAT(AllFindings(imported), HasSubstr("row 1 (奖补项目个数) 指标值/全年实际完成值"));
}

constexpr char kTransferPercent[] =
    "专项名称就业补助资金省级主管部门某省财政厅资金情况(万元)年度金额:500万元资金使用情况(万元)"
    "合计:450万元年度总体目标目标1:稳定就业完成情况1:已稳定就业绩效目标完成情况一级指标二级指标"
    "三级指标指标值完成值权重得分产出指标数量指标职业培训人次≥2000人次2300人次40%40"
    "质量指标培训合格率≥85%80%30%25满意度指标服务对象满意度指标受训人员满意度≥90%96%30%30"
    "得分合计95。";

TEST(ImportEvaluationText, UnseenPercentWeightForm) {
  ASSERT_OK_AND_ASSIGN(auto imported, ImportEvaluationText(kTransferPercent));
  EXPECT_EQ(imported.layout, EvaluationLayout::kTransferPercentWeights);
  const auto& r = imported.report;
  EXPECT_EQ(r.budget().adjusted().fen(), 500'000'000);
  EXPECT_EQ(r.budget().final().fen(), 450'000'000);
  ASSERT_EQ(r.indicators_size(), 3);
  EXPECT_EQ(r.indicators(0).target().text(), "≥2000人次");
  EXPECT_EQ(r.indicators(0).actual().text(), "2300人次");
  EXPECT_EQ(r.indicators(0).weight(), 40);
  EXPECT_EQ(r.indicators(1).declared_score(), 25);
  EXPECT_EQ(r.indicators(2).level2_code(), "31");
  EXPECT_EQ(r.declared().total(), 95);
  EXPECT_THAT(AllFindings(imported), HasSubstr("年度"));  // no year printed
}

constexpr char kReevaluation[] =
    "委托某某资产评估有限公司对“2021年城乡医疗救助资金项目”进行绩效评价,下达某县医保局医疗救助资金"
    "1,200.00万元,二、绩效再评价结论(二)绩效目标实现情况具体完成情况详见下表:一级指标二级指标"
    "三级指标指标性质指标值实际完成值产出指标数量指标资助参保人数>=8000人已完成时效指标救助资金"
    "发放及时率>=90.00%未完成满意度指标服务对象满意度指标救助对象满意度>=90.00%已完成(三)绩效"
    "自评与再评价差异该项目自评分为95.50分,三、存在问题附件:再评价报告某县财政局2022年10月8日";

TEST(ImportEvaluationText, UnseenReevaluation) {
  ASSERT_OK_AND_ASSIGN(auto imported, ImportEvaluationText(kReevaluation));
  EXPECT_EQ(imported.layout, EvaluationLayout::kReevaluationStatus);
  const auto& r = imported.report;
  EXPECT_EQ(r.kind(), jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  EXPECT_EQ(r.fiscal_year(), 2021);
  EXPECT_EQ(r.period_start_year(), 2021);
  EXPECT_EQ(r.evaluator().name(), "某某资产评估有限公司");
  EXPECT_EQ(r.evaluator().kind(), jixiao::v1::EVALUATOR_KIND_THIRD_PARTY);
  EXPECT_EQ(r.evaluator().commissioned_by(), "某县财政局");
  ASSERT_EQ(r.indicators_size(), 3);
  EXPECT_EQ(r.indicators(0).target().text(), ">=8000人");
  EXPECT_EQ(r.indicators(1).actual().text(), "未完成");
  EXPECT_FALSE(r.indicators(1).has_weight());
  EXPECT_EQ(r.declared().total(), 95.5);
  ASSERT_EQ(r.budget().notes_size(), 1);
  EXPECT_EQ(r.budget().notes(0), "下达某县医保局医疗救助资金1,200.00万元");
}

TEST(ImportEvaluationText, WorkIsLinearInTheText) {
  // 20,000 run-together rows: a reading that searched back over the whole text
  // for every row would take minutes here.
  std::string text =
      "项目支出绩效自评表(2021年度)项目名称X实施单位Y项目资金年度资金总额1001001001090%9"
      "年度指标值实际完成值分值得分偏差原因分析及改进措施产出指标数量指标";
  constexpr int kRows = 20000;
  for (int i = 0; i < kRows; ++i) text += "完成户数合格合格1010";
  text += std::string(100000, 'x');
  ASSERT_OK_AND_ASSIGN(const auto imported, ImportEvaluationText(text));
  // The x's read as a unit after the last row's digits: that row runs on into
  // them and is reported without 分值/得分.
  EXPECT_EQ(imported.report.indicators_size(), kRows);
  EXPECT_THAT(AllFindings(imported), HasSubstr("no 分值 or 得分 printed"));
}

TEST(ImportEvaluationText, RefusesADepartmentSelfEvaluationNamingItsLayout) {
  const auto imported = ImportEvaluationText(
      "部门整体支出绩效自评表\n(2023年度)\n部门名称 某局\n年度指标值 实际完成值 分值 得分\n");
  ASSERT_FALSE(imported.ok());
  EXPECT_THAT(imported.status().message(), HasSubstr("部门整体支出绩效自评表"));
}

TEST(ImportEvaluationText, RefusesATargetTableNamingItsLayout) {
  const auto imported = ImportEvaluationText(
      "项目支出绩效目标申报表\n(2021年度)\n项目名称 X\n绩效指标 一级指标 二级指标 三级指标 "
      "指标值\n");
  ASSERT_FALSE(imported.ok());
  EXPECT_THAT(imported.status().message(), HasSubstr("绩效目标表"));
}

TEST(ImportEvaluationText, RefusesUnknownText) {
  const auto imported = ImportEvaluationText("会议纪要\n今天天气很好。\n");
  ASSERT_FALSE(imported.ok());
  EXPECT_THAT(imported.status().message(), HasSubstr("no known self-evaluation layout"));
}

TEST(SplitNameTargetActual, RepeatedValue) {
  const auto split = SplitNameTargetActual("音响质量等合格合格");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->name, "音响质量等");
  EXPECT_EQ(split->target, "合格");
  EXPECT_EQ(split->actual, "合格");
}

TEST(SplitNameTargetActual, FiguresApartByUnitOrOperator) {
  const auto split = SplitNameTargetActual("贷款发放额增长率≥10%115.25%");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->target, "≥10%");
  EXPECT_EQ(split->actual, "115.25%");
  EXPECT_FALSE(SplitNameTargetActual("完成户数123120").has_value());  // where does 123 end?
}

TEST(PrintedYear, ReadsTheTitleYear) {
  EXPECT_EQ(PrintedYear("项目支出绩效自评表(2020 年度)"), 2020);
  EXPECT_EQ(PrintedYear("（2022年度）"), 2022);
  EXPECT_FALSE(PrintedYear("2022年农村低保").has_value());
}

TEST(DerivedProjectCode, IsStableAndShort) {
  EXPECT_EQ(DerivedProjectCode("水旱灾害防御经费"), DerivedProjectCode("水旱灾害防御经费"));
  EXPECT_EQ(DerivedProjectCode("水旱灾害防御经费").size(), 14u);
  EXPECT_EQ(PrintedProjectCode("项目编码：34118122T0001 项目名称"), "34118122t0001");
}

}  // namespace
}  // namespace jixiao::table_import
