// Readers of the national project self-evaluation form (财预〔2020〕10号 附件):
// 项目名称 / 主管部门 / 实施单位, the 项目资金 rows (年初预算数 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分), 年度总体目标, then indicator rows (一级 | 二级 |
// 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施) and 总分.

#include <algorithm>
#include <numeric>

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

using jixiao::v1::EvaluationReport;

constexpr absl::string_view kTotalRow = "年度资金总额";
constexpr absl::string_view kTotalScoreRow = "总分";
constexpr absl::string_view kIndicatorHeaderEnd = "偏差原因分析及改进措施";

void StartReport(absl::string_view text, EvaluationImport& out) {
  EvaluationReport& report = out.report;
  report.set_kind(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  if (const auto year = PrintedYear(text); year.has_value()) report.set_fiscal_year(*year);
}

void FinishProject(absl::string_view text, absl::string_view project_name, absl::string_view unit,
                   EvaluationImport& out) {
  out.report.mutable_source()->set_title(std::string(project_name));
  if (!unit.empty()) out.report.mutable_department()->set_name(std::string(unit));
  SetProjectCode(text, project_name, out.report);
  if (project_name.empty()) out.findings.push_back({"项目名称", "no project name printed"});
  if (out.report.fiscal_year() == 0) {
    out.findings.push_back({"年度", "no \"(YYYY年度)\" printed: the year must be given"});
  }
}

// ---- one row per line -------------------------------------------------------

std::vector<std::string> Words(absl::string_view line) {
  return absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
}

// "-" and "—" are the form's empty cells.
bool IsDash(absl::string_view cell) { return cell == "-" || cell == "—" || cell == "－"; }

// 年度资金总额: 年初 全年 执行 分值 [执行率] 得分, cells apart.
void ReadTotalBudgetLine(const std::vector<std::string>& cells, EvaluationImport& out) {
  std::vector<std::string> amounts;
  std::string rate;
  for (const std::string& cell : cells) {
    if (absl::EndsWith(cell, "%")) {
      rate = cell.substr(0, cell.size() - 1);
    } else {
      amounts.push_back(cell);
    }
  }
  if (amounts.size() != 5) {
    out.findings.push_back(
        {std::string(kTotalRow),
         absl::StrCat(
             cells.size(), " cells (\"", absl::StrJoin(cells, " "),
             "\") do not fit 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分")});
    return;
  }
  auto& budget = *out.report.mutable_budget();
  jixiao::v1::Money* money[] = {budget.mutable_initial(), budget.mutable_adjusted(),
                                budget.mutable_final()};
  constexpr absl::string_view kNames[] = {"年初预算数", "全年预算数", "全年执行数"};
  for (int i = 0; i < 3; ++i) {
    if (IsDash(amounts[i])) continue;
    if (!SetWanYuan(amounts[i], money[i])) {
      out.findings.push_back({absl::StrCat(kTotalRow, " ", kNames[i]),
                              absl::StrCat("\"", amounts[i], "\" is not an amount")});
    }
  }
  budget.set_stated_execution_percent(rate);
  const auto weight = ParsePlainNumber(amounts[3]);
  const auto score = ParsePlainNumber(amounts[4]);
  if (weight.has_value()) {
    SetExecutionItem(out.report, *weight, score);
  } else if (!IsDash(amounts[3])) {
    out.findings.push_back(
        {absl::StrCat(kTotalRow, " 分值"), absl::StrCat("\"", amounts[3], "\" is not a number")});
  }
}

// The cells after an indicator's name, by their count.
void ReadRowCells(const std::vector<std::string>& cells, int row, jixiao::v1::Indicator& indicator,
                  EvaluationImport& out) {
  const std::string where = RowWhere(row, indicator.name());
  size_t next = 0;
  if (cells.size() == 2) {
    out.findings.push_back(
        {where, "no 年度指标值 or 实际完成值; the target is folded into the name"});
  } else if (cells.size() >= 4) {
    SetTargetActual(indicator, cells[0], cells[1]);
    next = 2;
  } else {
    out.findings.push_back(
        {where,
         absl::StrCat(cells.size(), " cells after the name (\"", absl::StrJoin(cells, " "),
                      "\"): which of 年度指标值, 实际完成值, 分值, 得分 they are is unknown")});
    return;
  }
  const auto weight = ParsePlainNumber(cells[next]);
  const auto score = ParsePlainNumber(cells[next + 1]);
  if (weight.has_value()) {
    indicator.set_weight(*weight);
  } else {
    out.findings.push_back(
        {absl::StrCat(where, " 分值"), absl::StrCat("\"", cells[next], "\" is not a number")});
  }
  if (score.has_value()) {
    indicator.set_declared_score(*score);
  } else {
    out.findings.push_back(
        {absl::StrCat(where, " 得分"), absl::StrCat("\"", cells[next + 1], "\" is not a number")});
  }
  if (cells.size() > next + 2) {
    indicator.set_deviation_reason(absl::StrJoin(cells.begin() + next + 2, cells.end(), " "));
  }
}

// Applies every level name found in `text` (labels may span lines: "经济效益\n指标").
void ApplyLevels(absl::string_view text, LevelState& level) {
  for (const TableToken& token : TokenizeIndicatorSection(RemoveWhitespace(text))) {
    if (token.kind == TableToken::Kind::kLevel) level.Apply(*token.level);
  }
}

// A word made only of level names and their points ("产出指标", "(50分)").
bool IsLevelWord(absl::string_view word) {
  bool any = false;
  for (const TableToken& token : TokenizeIndicatorSection(word)) {
    if (token.kind == TableToken::Kind::kLevel) {
      any = true;
    } else if (!(absl::StartsWith(token.text, "(") && absl::EndsWith(token.text, "分)"))) {
      return false;
    }
  }
  return any;
}

// The position and length of the first row label ("指标1:") in `line`.
std::pair<size_t, size_t> FindRowLabel(absl::string_view line) {
  for (size_t pos = line.find("指标"); pos != absl::string_view::npos;
       pos = line.find("指标", pos + 1)) {
    if (const size_t length = RowLabelLengthAt(line, pos); length > 0) return {pos, length};
  }
  return {absl::string_view::npos, 0};
}

}  // namespace

EvaluationImport ReadForm10Lines(absl::string_view text) {
  EvaluationImport out;
  out.layout = EvaluationLayout::kForm10Lines;
  StartReport(text, out);
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  for (auto& line : lines) line = absl::StripAsciiWhitespace(line);

  std::string project_name, unit;
  bool in_indicators = false;
  bool goal_next = false;
  LevelState level;
  std::string pending_levels;
  int row = 0;
  for (absl::string_view line : lines) {
    if (line.empty()) continue;
    const std::string compact = RemoveWhitespace(line);
    if (!in_indicators) {
      if (absl::StartsWith(compact, "项目名称")) {
        project_name = TextAfterLabel(line, "项目名称", {});
      } else if (absl::StrContains(compact, "实施单位")) {
        unit = TextAfterLabel(line, "实施单位", {});
      } else if (absl::StartsWith(compact, kTotalRow)) {
        absl::string_view rest = line.substr(line.find(kTotalRow) + kTotalRow.size());
        absl::ConsumePrefix(&rest, ":");
        absl::ConsumePrefix(&rest, "：");
        ReadTotalBudgetLine(Words(rest), out);
      } else if (absl::StartsWith(compact, "其中") || absl::StartsWith(compact, "上年结转") ||
                 absl::StartsWith(compact, "其他资金")) {
        if (std::any_of(compact.begin(), compact.end(), IsAsciiDigit)) {
          out.report.mutable_budget()->add_notes(std::string(line));
        }
      } else if (absl::StrContains(compact, "预期目标")) {
        goal_next = true;
      } else if (goal_next) {
        goal_next = false;
        const std::vector<std::string> parts = Words(line);
        // 预期目标, then 实际完成情况 (which the report has no place for).
        out.report.set_overall_goal(parts.empty() ? "" : parts.front());
      }
      if (absl::StrContains(compact, kIndicatorHeaderEnd)) in_indicators = true;
      continue;
    }
    if (absl::StartsWith(compact, kTotalScoreRow)) {
      const std::vector<std::string> cells = Words(line.substr(kTotalScoreRow.size()));
      const auto score = cells.size() == 2 ? ParsePlainNumber(cells[1]) : std::nullopt;
      if (score.has_value()) {
        out.report.mutable_declared()->set_total(*score);
      } else {
        out.findings.push_back({std::string(kTotalScoreRow),
                                absl::StrCat("\"", line, "\" is not 总分 <分值> <得分>")});
      }
      break;
    }
    const auto [at, length] = FindRowLabel(line);
    std::vector<std::string> words;
    if (at != absl::string_view::npos) {
      absl::StrAppend(&pending_levels, line.substr(0, at));
      const absl::string_view rest = absl::StripAsciiWhitespace(line.substr(at + length));
      words = Words(rest);
      if (words.empty() || IsNotApplicable(rest)) {  // placeholder or not applicable
        ApplyLevels(pending_levels, level);
        pending_levels.clear();
        continue;
      }
    } else {
      // A row without its "指标N:" label still ends in its 分值 and 得分; the level
      // names before its name are whole words.
      words = Words(line);
      const bool ends_in_scores = words.size() >= 3 && IsPlainNumber(words.back()) &&
                                  IsPlainNumber(words[words.size() - 2]);
      if (!ends_in_scores) {
        absl::StrAppend(&pending_levels, line);
        continue;
      }
      size_t first = 0;
      while (first + 3 <= words.size() && IsLevelWord(words[first])) {
        absl::StrAppend(&pending_levels, words[first]);
        ++first;
      }
      words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
    }
    ApplyLevels(pending_levels, level);
    pending_levels.clear();
    ++row;
    jixiao::v1::Indicator* indicator = AddIndicator(out.report, level, row, words.front());
    ReadRowCells(std::vector<std::string>(words.begin() + 1, words.end()), row, *indicator, out);
  }
  FinishProject(text, project_name, unit, out);
  return out;
}

// ---- cells run together ------------------------------------------------------

namespace {

// A copied fragment starts a line with its own number ("2、灯光…"): in a table
// whose cells ran together, line breaks and these numbers are not the table's.
std::string JoinFlattenedLines(absl::string_view text) {
  std::string joined;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    size_t digits = 0;
    while (digits < line.size() && IsAsciiDigit(line[digits])) ++digits;
    if (digits > 0 && absl::StartsWith(line.substr(digits), "、")) line.remove_prefix(digits + 3);
    absl::StrAppend(&joined, line);
  }
  return RemoveWhitespace(joined);
}

std::string DescribeBudgetReading(const BudgetReading& reading) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < reading.columns.size(); ++i) {
    constexpr absl::string_view kNames[] = {"年初", "全年", "执行", "分值", "执行率", "得分"};
    parts.push_back(
        absl::StrCat(kNames[static_cast<int>(reading.columns[i])], " ", reading.cells[i]));
  }
  return absl::StrJoin(parts, " | ");
}

// The cells every reading holds with the same text, in the first reading's order.
BudgetReading AgreedCells(const std::vector<BudgetReading>& readings) {
  BudgetReading agreed;
  const BudgetReading& first = readings.front();
  for (size_t i = 0; i < first.columns.size(); ++i) {
    const bool everywhere =
        std::all_of(readings.begin(), readings.end(), [&](const BudgetReading& other) {
          const std::optional<std::string> cell = other.Cell(first.columns[i]);
          return cell.has_value() && *cell == first.cells[i];
        });
    if (!everywhere) continue;
    agreed.columns.push_back(first.columns[i]);
    agreed.cells.push_back(first.cells[i]);
  }
  return agreed;
}

// 年度资金总额 as one run of digits: taken when one reading checks, or as far as
// every reading agrees.
void ReadTotalBudgetRun(absl::string_view run, EvaluationImport& out) {
  using C = BudgetColumn;
  // The full row, and the rows a copy leaves when it drops a cell: the score, the
  // weight, the initial budget or the execution (then the rate cannot be checked
  // and the reading is only one of several).
  const std::vector<std::vector<C>> layouts = {
      {C::kInitial, C::kAdjusted, C::kFinal, C::kWeight, C::kRate, C::kScore},
      {C::kInitial, C::kAdjusted, C::kFinal, C::kWeight, C::kRate},
      {C::kInitial, C::kAdjusted, C::kFinal, C::kRate, C::kScore},
      {C::kInitial, C::kAdjusted, C::kFinal, C::kRate},
      {C::kAdjusted, C::kFinal, C::kWeight, C::kRate, C::kScore},
      {C::kAdjusted, C::kFinal, C::kWeight, C::kRate},
  };
  std::vector<BudgetReading> readings = BudgetReadings(run, layouts, kTableMaxPoints);
  // Without the execution cell, every split of the digits is a reading.
  const size_t percent = run.find('%');
  if (percent != absl::string_view::npos && percent + 1 == run.size()) {
    for (auto& cells : NonZeroSplits(run.substr(0, percent), 4)) {
      const auto weight = ParsePlainNumber(cells[2]);
      if (!weight.has_value() || *weight > kTableMaxPoints) continue;
      readings.push_back({{C::kInitial, C::kAdjusted, C::kWeight, C::kRate}, std::move(cells)});
    }
  }
  if (readings.empty()) {
    out.findings.push_back({std::string(kTotalRow),
                            absl::StrCat("\"", run,
                                         "\" has no reading whose 执行率 is 执行数 / 全年预算数; "
                                         "the budget is not taken")});
    return;
  }
  if (readings.size() > 1) {
    // Several readings: only the cells every one of them reads alike are taken
    // (two readings that differ in where 年初 and 执行 sit may still agree on
    // 全年, 分值 and 执行率); a cell they disagree on is never guessed.
    std::vector<std::string> described;
    for (const auto& r : readings) described.push_back(DescribeBudgetReading(r));
    const BudgetReading agreed = AgreedCells(readings);
    out.findings.push_back(
        {std::string(kTotalRow),
         absl::StrCat("\"", run, "\" has ", readings.size(), " readings (",
                      absl::StrJoin(described, "; "), "); ",
                      agreed.cells.empty()
                          ? std::string("the budget is not taken")
                          : absl::StrCat("only the cells they all agree on are taken: ",
                                         DescribeBudgetReading(agreed)))});
    if (agreed.cells.empty()) return;
    readings = {agreed};
  } else {
    out.findings.push_back(
        {std::string(kTotalRow),
         absl::StrCat("\"", run, "\" read as ", DescribeBudgetReading(readings.front()),
                      " (the only reading that checks)")});
  }
  const BudgetReading& reading = readings.front();
  auto& budget = *out.report.mutable_budget();
  if (auto v = reading.Cell(C::kInitial)) SetWanYuan(*v, budget.mutable_initial());
  if (auto v = reading.Cell(C::kAdjusted)) SetWanYuan(*v, budget.mutable_adjusted());
  if (auto v = reading.Cell(C::kFinal)) SetWanYuan(*v, budget.mutable_final());
  if (auto v = reading.Cell(C::kRate)) budget.set_stated_execution_percent(*v);
  if (auto w = reading.Cell(C::kWeight)) {
    const auto score = reading.Cell(C::kScore);
    SetExecutionItem(out.report, *ParsePlainNumber(*w),
                     score.has_value() ? ParsePlainNumber(*score) : std::nullopt);
  }
}

struct PendingRow {
  jixiao::v1::Indicator* indicator;
  std::string run;
};

}  // namespace

EvaluationImport ReadForm10Flattened(absl::string_view text) {
  EvaluationImport out;
  out.layout = EvaluationLayout::kForm10Flattened;
  StartReport(text, out);
  const std::string compact = JoinFlattenedLines(text);
  const std::string project_name = TextAfterLabel(compact, "项目名称", {"主管部门"});
  const std::string unit = TextAfterLabel(compact, "实施单位", {"项目资金"});

  const std::string total_run = FiguresAfterLabel(compact, kTotalRow, false);
  if (total_run.empty()) {
    out.findings.push_back({std::string(kTotalRow), "no figures printed"});
  } else {
    ReadTotalBudgetRun(total_run, out);
  }
  for (absl::string_view label : {"其中", "上年结转资金", "其他资金"}) {
    const size_t at = absl::string_view(compact).find(label);
    if (at == std::string::npos) continue;
    size_t end = at;
    while (end < compact.size() && !IsAsciiDigit(compact[end])) end += 1;
    const std::string note_label = compact.substr(at, std::min(end, compact.size()) - at);
    const std::string run =
        FiguresAfterLabel(absl::string_view(compact).substr(at), note_label, false);
    if (!run.empty() && note_label.size() < 40) {
      out.report.mutable_budget()->add_notes(absl::StrCat(note_label, " ", run));
    }
  }
  const std::string goal = TextAfterLabel(compact, "实际完成情况", {"绩效指标"});
  if (!goal.empty()) {
    out.report.set_overall_goal(goal);
    out.findings.push_back(
        {"年度总体目标", "预期目标 and 实际完成情况 ran together; kept as one text"});
  }

  const size_t header = absl::string_view(compact).find(kIndicatorHeaderEnd);
  const size_t start = header == std::string::npos ? 0 : header + kIndicatorHeaderEnd.size();
  const size_t total_at = absl::string_view(compact).find(kTotalScoreRow, start);
  const absl::string_view section = absl::string_view(compact).substr(
      start, total_at == std::string::npos ? std::string::npos : total_at - start);
  LevelState level;
  std::vector<PendingRow> pending;
  int row = 0;
  for (const TableToken& token : TokenizeIndicatorSection(section)) {
    if (token.kind == TableToken::Kind::kLevel) level.Apply(*token.level);
    if (token.kind != TableToken::Kind::kText || IsNotApplicable(token.text)) continue;
    for (const RunTogetherRow& cells : SplitRowsAtScoreRuns(token.text)) {
      ++row;
      const auto split = SplitNameTargetActual(cells.cells);
      jixiao::v1::Indicator* indicator =
          AddIndicator(out.report, level, row, split.has_value() ? split->name : cells.cells);
      if (split.has_value()) {
        SetTargetActual(*indicator, split->target, split->actual);
      } else {
        out.findings.push_back(
            {RowWhere(row, cells.cells),
             "年度指标值 and 实际完成值 cannot be told apart from the name; kept as the name"});
      }
      if (cells.run.empty()) {
        out.findings.push_back({RowWhere(row, indicator->name()), "no 分值 or 得分 printed"});
      }
      pending.push_back({indicator, cells.run});
    }
  }

  // 分值 | 得分 of each row, then 总分 <分值><得分>.
  std::vector<std::vector<WeightScore>> readings;
  for (const PendingRow& p : pending) {
    readings.push_back(p.run.empty() ? std::vector<WeightScore>()
                                     : WeightScoreReadings(p.run, kTableMaxPoints));
  }
  const std::string total_score_run =
      total_at == std::string::npos
          ? ""
          : FiguresAfterLabel(absl::string_view(compact).substr(total_at), kTotalScoreRow, false);
  const double execution_weight =
      out.report.effectiveness_items().empty() ? 0 : out.report.effectiveness_items(0).weight();
  std::vector<WeightScore> total_readings =
      WeightScoreReadings(total_score_run, 10 * kTableMaxPoints);
  std::vector<double> totals;
  for (const WeightScore& t : total_readings) {
    totals.push_back(t.weight);
    if (execution_weight > 0) totals.push_back(t.weight - execution_weight);
  }
  const std::vector<std::optional<size_t>> chosen = ResolveReadings(readings, totals);
  double weight_sum = 0;
  for (size_t i = 0; i < pending.size(); ++i) {
    if (pending[i].run.empty()) continue;
    jixiao::v1::Indicator& indicator = *pending[i].indicator;
    if (!chosen[i].has_value()) {
      out.findings.push_back(
          {absl::StrCat(RowWhere(static_cast<int>(i) + 1, indicator.name()), " 分值/得分"),
           absl::StrCat("\"", pending[i].run, "\" has ", readings[i].size(),
                        " readings as 分值 then 得分; none is taken")});
      continue;
    }
    const WeightScore& r = readings[i][*chosen[i]];
    indicator.set_weight(r.weight);
    indicator.set_declared_score(r.score);
    weight_sum += r.weight;
  }
  // 总分: the reading whose 分值 is the rows' weights, with or without the execution row.
  std::vector<WeightScore> fitting;
  for (const WeightScore& t : total_readings) {
    if (total_readings.size() == 1 || std::abs(t.weight - weight_sum) < 1e-6 ||
        std::abs(t.weight - weight_sum - execution_weight) < 1e-6) {
      fitting.push_back(t);
    }
  }
  if (fitting.size() == 1) {
    out.report.mutable_declared()->set_total(fitting.front().score);
  } else if (!total_score_run.empty()) {
    out.findings.push_back(
        {std::string(kTotalScoreRow),
         absl::StrCat("\"", total_score_run, "\" has ", fitting.size(),
                      " readings as 分值 then 得分 that fit the rows' weights; none is taken")});
  } else {
    out.findings.push_back({std::string(kTotalScoreRow), "no 总分 printed"});
  }
  FinishProject(text, project_name, unit, out);
  return out;
}

}  // namespace jixiao::table_import
