#include "tests/services/scoring/engine/random_reports.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "common/domain/target_value/target_value_parser.h"

namespace jixiao::scoring::testing {
namespace {

// Targets and actuals as reports print them: counts, percentages, growth,
// bounds, deadlines, words, nothing.
constexpr std::array<const char*, 38> kValueTexts = {"≥100家",
                                                     "100家",
                                                     "120家",
                                                     "74家",
                                                     "≥90%",
                                                     "95%",
                                                     "100%",
                                                     "85.5%",
                                                     "增长5%",
                                                     "增长 12.5%",
                                                     "与上年持平",
                                                     "≤3天",
                                                     "5天",
                                                     "2天",
                                                     "不超过10%",
                                                     "12%",
                                                     "约50人",
                                                     "50人",
                                                     "0",
                                                     "0起",
                                                     ">1家",
                                                     "超过1家",
                                                     "大于100家",
                                                     "多于100家",
                                                     "≥10场",
                                                     "8场",
                                                     "2024年12月31日前",
                                                     "2024年11月30日",
                                                     "2025年1月15日",
                                                     "按时完成",
                                                     "一是做好服务工作；二是坚持走访调研企业制度。",
                                                     "全年走访企业。",
                                                     "",
                                                     " ",
                                                     "下降3%",
                                                     "下降不超过3%",
                                                     "同比下降 2.5%",
                                                     "-2"};

constexpr std::array<const char*, 10> kStatedPercents = {"",       "",    "100", "80",  "100.00%",
                                                         " 95.5 ", "abc", "0",   "740", "99.99"};

constexpr std::array<const char*, 6> kLevel1Codes = {"1", "2", "3", "4", "", "9"};
constexpr std::array<const char*, 6> kLevel1Names = {"产出指标", "效益指标", "满意度指标",
                                                     "成本指标", "",         "其他"};

class Generator {
 public:
  Generator(std::mt19937& rng, const std::vector<std::string>& item_codes,
            const std::vector<std::string>& group_codes)
      : rng_(rng), item_codes_(item_codes), group_codes_(group_codes) {}

  v1::EvaluationReport Report() {
    v1::EvaluationReport report;
    report.set_report_id(absl::StrCat("440106:random-", Below(1000), "/2023/department"));
    const v1::ReportKind kinds[] = {v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
                                    v1::REPORT_KIND_PROJECT_SELF_EVALUATION,
                                    v1::REPORT_KIND_UNSPECIFIED};
    report.set_kind(kinds[Below(3)]);
    report.set_fiscal_year(2020 + Below(5));
    report.mutable_department()->set_name("随机部门");
    FillBudget(*report.mutable_budget());
    // One report in four scores through key tasks, as the Guangzhou city
    // report does: weighted tasks whose indicators give no values.
    itemized_ = !Chance(25);
    for (int i = Below(25); i > 0; --i) *report.add_indicators() = Indicator();
    if (!itemized_ && Chance(50)) {
      // 6.5 + 6.5 + 3 + 3 + 1: the tasks make up 产出 and 效益 (10 + 10), whose
      // declared scores they must add up to.
      for (double weight : {6.5, 6.5, 3.0, 3.0, 1.0}) {
        v1::KeyTask& task = *report.add_key_tasks();
        FillKeyTask(task);
        task.set_weight(weight);
        task.set_declared_score(Chance(80) ? weight : Score(0, weight));
      }
      for (const char* code : {"effectiveness.output", "effectiveness.benefit"}) {
        v1::AssessedItem& item = *report.add_effectiveness_items();
        item.set_code(code);
        item.set_declared_score(Chance(70) ? 10 : Score(5, 10));
      }
    }
    for (int t = Below(itemized_ ? 4 : 6); t > 0; --t) FillKeyTask(*report.add_key_tasks());
    for (int p = Below(3); p > 0; --p) {
      v1::Project& project = *report.add_projects();
      project.set_name(absl::StrCat("项目", p));
      for (int i = Below(6); i > 0; --i) *project.add_indicators() = Indicator();
    }
    for (int i = Below(5); i > 0; --i) FillAssessed(*report.add_effectiveness_items(), 0);
    for (int i = Below(9); i > 0; --i) FillAssessed(*report.add_management_items(), 0);
    FillDeclared(*report.mutable_declared());
    return report;
  }

 private:
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Below(100) < percent; }
  double Between(double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(rng_);
  }
  // Scores as reports print them: mostly two decimals, sometimes more.
  double Score(double low, double high) {
    const double value = Between(low, high);
    return Chance(80) ? static_cast<double>(static_cast<int64_t>(value * 100)) / 100 : value;
  }

  void FillValue(v1::MeasuredValue& value) {
    if (Chance(10)) return;  // nothing at all
    value.set_text(kValueTexts[Below(kValueTexts.size())]);
    if (Chance(50)) *value.mutable_parsed() = target_value::ParseValue(value.text());
  }

  v1::Indicator Indicator() {
    v1::Indicator indicator;
    indicator.set_id(Chance(10) ? "dup" : absl::StrCat("指标-", Below(60)));
    indicator.set_name(absl::StrCat("指标名", Below(40)));
    const int level = Below(kLevel1Codes.size());
    if (Chance(80)) {
      indicator.set_level1_code(kLevel1Codes[level]);
    } else {
      indicator.set_level1_name(kLevel1Names[level]);
    }
    if (Chance(10)) indicator.set_level2_code("31");
    if (itemized_) {
      FillValue(*indicator.mutable_target());
      FillValue(*indicator.mutable_actual());
      indicator.set_stated_completion_percent(kStatedPercents[Below(kStatedPercents.size())]);
    }
    if (Chance(60)) indicator.set_declared_score(Score(-0.5, 12));
    if (Chance(30)) indicator.set_weight(Score(0, 10));
    indicator.set_reverse(Chance(10));
    return indicator;
  }

  void FillKeyTask(v1::KeyTask& task) {
    task.set_name(absl::StrCat("重点任务", Below(10)));
    const double kGuangzhouWeights[] = {6.5, 3.5, 3, 1, 10};
    if (Chance(60)) task.set_weight(Chance(50) ? kGuangzhouWeights[Below(5)] : Score(0, 10));
    if (Chance(60)) task.set_declared_score(Score(0, 10));
    if (Chance(30)) task.set_declared_indicator_count(Below(12));
    for (int i = Below(5); i > 0; --i) *task.add_indicators() = Indicator();
  }

  void FillBudget(v1::Budget& budget) {
    if (Chance(70)) budget.mutable_adjusted()->set_fen(Chance(5) ? 0 : 1 + Below(1000000000));
    if (Chance(70)) budget.mutable_final()->set_fen(Below(1000000000));
    if (Chance(20)) budget.mutable_initial()->set_fen(Below(1000000000));
    if (Chance(20)) budget.set_stated_scoring_execution_percent(kStatedPercents[Below(10)]);
    if (Chance(30)) budget.set_stated_execution_percent(kStatedPercents[Below(10)]);
    for (int f = Below(3); f > 0; --f) {
      v1::SpecialFund& fund = *budget.add_special_funds();
      fund.set_name(absl::StrCat("专项", f));
      if (Chance(70)) fund.mutable_budget()->set_fen(Below(100000000));
      if (Chance(70)) fund.mutable_spent()->set_fen(Below(100000000));
      if (Chance(40)) fund.set_stated_execution_percent(kStatedPercents[Below(10)]);
      if (Chance(60)) fund.set_all_indicators_met(Chance(70));
      if (Chance(40)) {
        for (int i = Below(5); i > 0; --i) *fund.add_indicators() = Indicator();
      }
    }
  }

  void FillAssessed(v1::AssessedItem& item, int depth) {
    item.set_code(item_codes_[Below(item_codes_.size())]);
    if (Chance(50)) item.set_name(absl::StrCat("评价项", Below(20)));
    if (Chance(40)) item.set_weight(Score(0, 30));
    if (Chance(80)) item.set_declared_score(Score(-1, 30));
    if (Chance(30)) item.set_facts("经核查，该项工作按要求完成。");
    if (depth < 2) {
      for (int i = Chance(30) ? Below(4) : 0; i > 0; --i) {
        FillAssessed(*item.add_sub_items(), depth + 1);
      }
    }
  }

  void FillDeclared(v1::DeclaredScores& declared) {
    if (Chance(60)) declared.set_total(Score(0, 100));
    for (const std::string& code : group_codes_) {
      if (!Chance(50)) continue;
      v1::DeclaredSubtotal& subtotal = *declared.add_subtotals();
      subtotal.set_code(code);
      if (Chance(85)) subtotal.set_score(Score(0, 60));
    }
    const char* grades[] = {"", "优", "良", "中", "差"};
    declared.set_grade(grades[Below(5)]);
  }

  std::mt19937& rng_;
  const std::vector<std::string>& item_codes_;
  const std::vector<std::string>& group_codes_;
  bool itemized_ = true;
};

}  // namespace

v1::EvaluationReport RandomReport(std::mt19937& rng, const std::vector<std::string>& item_codes,
                                  const std::vector<std::string>& group_codes) {
  return Generator(rng, item_codes, group_codes).Report();
}

}  // namespace jixiao::scoring::testing
