// Readers of transfer-payment self-evaluation forms (转移支付 绩效目标自评表):
// the central form whose only value columns are 指标值 | 全年实际完成值, and a
// provincial form that weighs each row in percent (权重 20%) beside its 得分.

#include <cmath>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/domain/table_import/evaluation_readers.h"
#include "common/domain/table_import/evaluation_rows.h"
#include "common/domain/table_import/indicator_cells.h"
#include "common/domain/table_import/row_runs.h"
#include "common/domain/table_import/run_together.h"
#include "common/domain/table_import/table_words.h"

namespace jixiao::table_import {
namespace {

std::string Compact(absl::string_view text) {
  std::string joined;
  for (absl::string_view line : absl::StrSplit(text, '\n')) absl::StrAppend(&joined, line);
  return RemoveWhitespace(joined);
}

// The section of `compact` between the end of `header` and the first `end` after it.
absl::string_view Section(absl::string_view compact, absl::string_view header,
                          std::initializer_list<absl::string_view> ends) {
  const size_t at = compact.find(header);
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = compact.substr(at + header.size());
  size_t stop = rest.size();
  for (absl::string_view end : ends) stop = std::min(stop, rest.find(end));
  return rest.substr(0, stop);
}

void Identify(absl::string_view text, const std::string& name, const std::string& unit,
              EvaluationImport& out) {
  out.report.set_kind(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  if (const auto year = PrintedYear(text); year.has_value()) {
    out.report.set_fiscal_year(*year);
  } else {
    out.findings.push_back({"年度", "no \"(YYYY年度)\" printed: the year must be given"});
  }
  out.report.mutable_source()->set_title(name);
  if (!unit.empty()) out.report.mutable_department()->set_name(unit);
  SetProjectCode(text, name, out.report);
  if (name.empty()) out.findings.push_back({"项目名称", "no project name printed"});
}

}  // namespace

EvaluationImport ReadTransferNoScores(absl::string_view text) {
  EvaluationImport out;
  out.layout = EvaluationLayout::kTransferNoScores;
  const std::string compact = Compact(text);
  const std::string name = TextAfterLabel(compact, "(项目)名称", {"中央主管部门", "主管部门"});
  const std::string unit = TextAfterLabel(compact, "资金使用单位", {"项目资金"});
  Identify(text, name, unit, out);

  // 年度资金总额: 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A).
  const std::string run = FiguresAfterLabel(compact, "年度资金总额", true);
  using C = BudgetColumn;
  const auto budget_readings = BudgetReadings(run, {{C::kAdjusted, C::kFinal, C::kRate}}, 0);
  if (budget_readings.size() == 1) {
    const BudgetReading& reading = budget_readings.front();
    auto& budget = *out.report.mutable_budget();
    SetWanYuan(*reading.Cell(C::kAdjusted), budget.mutable_adjusted());
    SetWanYuan(*reading.Cell(C::kFinal), budget.mutable_final());
    budget.set_stated_execution_percent(*reading.Cell(C::kRate));
  } else {
    out.findings.push_back(
        {"年度资金总额", absl::StrCat("\"", run, "\" has ", budget_readings.size(),
                                      " readings as 全年预算数 | 全年执行数 | 执行率 whose rate "
                                      "checks; the budget is not taken")});
  }
  for (absl::string_view label : {"其中:", "其中："}) {
    const size_t at = absl::string_view(compact).find(label);
    if (at == std::string::npos) continue;
    size_t end = at;
    while (end < compact.size() && !IsAsciiDigit(compact[end])) ++end;
    const std::string sub_run = FiguresAfterLabel(absl::string_view(compact).substr(end), "", true);
    if (!sub_run.empty()) {
      out.report.mutable_budget()->add_notes(
          absl::StrCat(compact.substr(at, end - at), " ", sub_run));
    }
  }
  out.report.set_overall_goal(TextAfterLabel(compact, "全年实际完成情况", {"绩效指标"}));

  // The rows: names, each ending in the digits of its two value cells.
  const absl::string_view section = Section(compact, "未完成原因和改进措施", {"说明", "注:"});
  LevelState level;
  std::vector<jixiao::v1::Indicator*> rows;
  std::vector<std::string> runs;
  for (const TableToken& token : TokenizeIndicatorSection(section)) {
    if (token.kind == TableToken::Kind::kLevel) level.Apply(*token.level);
    if (token.kind != TableToken::Kind::kText || IsNotApplicable(token.text)) continue;
    for (const RunTogetherRow& cells : SplitRowsAtScoreRuns(token.text)) {
      rows.push_back(
          AddIndicator(out.report, level, static_cast<int>(rows.size()) + 1, cells.cells));
      runs.push_back(cells.run);
    }
  }
  // The form has no 分值/得分 columns, but its value cells may hold weight/score
  // pairs: read so only when every row's pair is certain and the weights make
  // the table's 100 points. Then the targets are in the names.
  std::vector<std::vector<WeightScore>> readings;
  for (const std::string& r : runs) readings.push_back(WeightScoreReadings(r, kTableMaxPoints));
  const auto chosen = ResolveReadings(readings, {kTableMaxPoints});
  double weights = 0;
  bool all = !rows.empty();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!chosen[i].has_value()) {
      all = false;
      continue;
    }
    weights += readings[i][*chosen[i]].weight;
  }
  if (all && std::abs(weights - kTableMaxPoints) < 1e-6) {
    std::vector<std::string> pairs;
    for (size_t i = 0; i < rows.size(); ++i) {
      const WeightScore& r = readings[i][*chosen[i]];
      rows[i]->set_weight(r.weight);
      rows[i]->set_declared_score(r.score);
      pairs.push_back(absl::StrCat(r.weight_text, "/", r.score_text));
    }
    out.findings.push_back(
        {"指标值/全年实际完成值",
         absl::StrCat("every row's two value cells hold a pair (", absl::StrJoin(pairs, ", "),
                      ") and the first figures add up to 100: read as 分值/得分, not as target "
                      "and actual; the targets are folded into the names")});
  } else {
    for (size_t i = 0; i < rows.size(); ++i) {
      out.findings.push_back(
          {absl::StrCat(RowWhere(static_cast<int>(i) + 1, rows[i]->name()),
                        " 指标值/全年实际完成值"),
           runs[i].empty() ? "no value cells printed"
                           : absl::StrCat("\"", runs[i], "\" ran together and cannot be read")});
    }
  }
  return out;
}

namespace {

// The amount in 万元 printed right before the first "万元" after `label`.
std::string AmountAfter(absl::string_view compact, absl::string_view label) {
  const size_t at = absl::string_view(compact).find(label);
  if (at == absl::string_view::npos) return "";
  const size_t unit = compact.find("万元", at + label.size());
  if (unit == absl::string_view::npos) return "";
  size_t start = unit;
  while (start > at && (IsAsciiDigit(compact[start - 1]) || compact[start - 1] == '.' ||
                        compact[start - 1] == ',')) {
    --start;
  }
  return std::string(compact.substr(start, unit - start));
}

struct PercentRow {
  std::string cells;   // name, target, actual
  std::string weight;  // digits before the '%' that may hold the actual's end
  std::string score;
};

// Rows end in <weight>%<score> where no unit follows the score.
std::vector<PercentRow> SplitPercentRows(absl::string_view text, std::string& tail) {
  std::vector<PercentRow> rows;
  size_t row_start = 0;
  for (size_t pct = text.find('%'); pct != absl::string_view::npos; pct = text.find('%', pct + 1)) {
    size_t end = pct + 1;
    while (end < text.size() && (IsAsciiDigit(text[end]) || text[end] == '.')) ++end;
    if (end == pct + 1 || (end < text.size() && StartsWithUnit(text.substr(end)))) continue;
    size_t start = pct;
    while (start > row_start && (IsAsciiDigit(text[start - 1]) || text[start - 1] == '.')) --start;
    if (start == pct) continue;
    rows.push_back({std::string(text.substr(row_start, start - row_start)),
                    std::string(text.substr(start, pct - start)),
                    std::string(text.substr(pct + 1, end - pct - 1))});
    row_start = end;
    pct = end - 1;
  }
  tail = std::string(text.substr(row_start));
  return rows;
}

}  // namespace

EvaluationImport ReadTransferPercentWeights(absl::string_view text) {
  EvaluationImport out;
  out.layout = EvaluationLayout::kTransferPercentWeights;
  const std::string compact = Compact(text);
  const std::string name =
      TextAfterLabel(compact, "专项名称", {"省级主管部门", "主管部门", "资金情况"});
  Identify(text, name, "", out);

  auto& budget = *out.report.mutable_budget();
  const std::string planned = AmountAfter(compact, "年度金额");
  const std::string used = AmountAfter(compact, "合计");
  if (planned.empty() || !SetWanYuan(planned, budget.mutable_adjusted())) {
    out.findings.push_back({"年度金额", "no amount in 万元 printed"});
  }
  if (used.empty() || !SetWanYuan(used, budget.mutable_final())) {
    out.findings.push_back({"资金使用情况 合计", "no amount in 万元 printed"});
  }
  const std::string breakdown = TextAfterLabel(compact, absl::StrCat("合计:", used, "万元"),
                                               {"年度总体目标", "绩效目标完成情况"});
  if (!breakdown.empty()) budget.add_notes(absl::StrCat("资金来源: ", breakdown));
  out.report.set_overall_goal(TextAfterLabel(compact, "年度总体目标", {"完成情况"}));

  const absl::string_view section = Section(compact, "权重得分", {"得分合计"});
  LevelState level;
  std::vector<jixiao::v1::Indicator*> rows;
  std::vector<std::vector<WeightScore>> readings;
  std::vector<std::string> weight_runs;
  int row = 0;
  for (const TableToken& token : TokenizeIndicatorSection(section)) {
    if (token.kind == TableToken::Kind::kLevel) level.Apply(*token.level);
    if (token.kind != TableToken::Kind::kText) continue;
    std::string tail;
    for (const PercentRow& cells : SplitPercentRows(token.text, tail)) {
      ++row;
      // The weight is a suffix of the digits before '%': the actual's last
      // figure may run into it when the actual has no unit.
      std::vector<WeightScore> options;
      const auto score = ParsePlainNumber(cells.score);
      for (size_t len = 1; len <= cells.weight.size() && score.has_value(); ++len) {
        const absl::string_view w =
            absl::string_view(cells.weight).substr(cells.weight.size() - len);
        const auto weight = ParsePlainNumber(w);
        if (weight && *weight >= *score && *weight <= kTableMaxPoints) {
          options.push_back({std::string(w), cells.score, *weight, *score});
        }
      }
      const std::string before =
          cells.cells +
          (options.size() == 1
               ? cells.weight.substr(0, cells.weight.size() - options[0].weight_text.size())
               : "");
      const auto split = SplitNameTargetActual(before);
      jixiao::v1::Indicator* indicator =
          AddIndicator(out.report, level, row, split.has_value() ? split->name : before);
      if (split.has_value()) {
        SetTargetActual(*indicator, split->target, split->actual);
      } else {
        out.findings.push_back(
            {RowWhere(row, before),
             "指标值 and 完成值 cannot be told apart from the name; kept as the name"});
      }
      rows.push_back(indicator);
      readings.push_back(options);
      weight_runs.push_back(absl::StrCat(cells.weight, "%", cells.score));
    }
    if (!tail.empty()) {
      ++row;
      out.findings.push_back({RowWhere(row, tail), "no 权重 or 得分 printed; not imported"});
    }
  }
  // 权重 is a percentage of the table's 100 points: 20% weighs 20 points.
  const auto chosen = ResolveReadings(readings, {kTableMaxPoints});
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!chosen[i].has_value()) {
      out.findings.push_back(
          {absl::StrCat(RowWhere(static_cast<int>(i) + 1, rows[i]->name()), " 权重/得分"),
           absl::StrCat("\"", weight_runs[i], "\" has ", readings[i].size(),
                        " readings; none is taken")});
      continue;
    }
    rows[i]->set_weight(readings[i][*chosen[i]].weight);
    rows[i]->set_declared_score(readings[i][*chosen[i]].score);
  }
  const std::string total = FiguresAfterLabel(compact, "得分合计", true);
  if (const auto t = ParsePlainNumber(total); t.has_value()) {
    out.report.mutable_declared()->set_total(*t);
  } else {
    out.findings.push_back({"得分合计", "no total printed"});
  }
  return out;
}

}  // namespace jixiao::table_import
