#include "common/domain/table_import/target_table_layouts.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/domain/money/money.h"
#include "common/domain/table_import/evaluation_layout.h"
#include "common/domain/table_import/evaluation_rows.h"
#include "common/domain/table_import/indicator_cells.h"
#include "common/domain/table_import/run_together.h"
#include "common/domain/table_import/table_words.h"

namespace jixiao::table_import {
namespace {

using jixiao::v1::ProjectTarget;

struct Line {
  int number;  // 1-based
  std::string text;
};

std::vector<Line> NonEmptyLines(absl::string_view text) {
  std::vector<Line> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty()) lines.push_back({number, std::string(line)});
  }
  return lines;
}

// The year printed as "(2021年度)", or at the head of a title "2019年度…".
int TableYear(absl::string_view text) {
  if (const auto year = PrintedYear(text); year.has_value()) return *year;
  int year = 0;
  if (text.size() > 10 && absl::string_view(text).substr(4, 6) == "年度" &&
      absl::SimpleAtoi(text.substr(0, 4), &year)) {
    return year;
  }
  return 0;
}

jixiao::v1::Indicator* AddTargetIndicator(ProjectTarget& project, const LevelState& level,
                                          absl::string_view name, absl::string_view target) {
  jixiao::v1::Indicator* indicator = project.add_indicators();
  indicator->set_id(absl::StrCat(project.indicators_size()));
  indicator->set_level1_code(level.level1_code);
  indicator->set_level1_name(level.level1_name);
  indicator->set_level2_code(level.level2_code);
  indicator->set_level2_name(level.level2_name);
  indicator->set_name(std::string(name));
  if (!target.empty()) indicator->mutable_target()->set_text(std::string(target));
  return indicator;
}

void AddFinding(TargetTableImport& out, int line, std::string reason) {
  out.findings.push_back({line, std::move(reason)});
}

// ---- short form, one cell per line ------------------------------------------

// The line after the one that is `label` (with or without a colon), if any.
std::optional<size_t> ValueLineAfter(const std::vector<Line>& lines, absl::string_view label) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    absl::string_view text = lines[i].text;
    absl::ConsumeSuffix(&text, ":");
    absl::ConsumeSuffix(&text, "：");
    if (text == label) return i + 1;
  }
  return std::nullopt;
}

bool IsWholeLevelName(absl::string_view text) {
  const auto level = LevelNameAt(text, 0);
  return level.has_value() && level->text.size() == text.size();
}

// The short form's labels, each on a line of its own before its value.
constexpr absl::string_view kShortFormLabels[] = {
    "项目名称", "项目主管部门", "项目资金", "资金总额", "财政拨款", "其他", "项目总体情况", "一级"};

TargetTableImport ReadShortForm(absl::string_view text) {
  TargetTableImport out;
  const std::vector<Line> lines = NonEmptyLines(text);
  auto& table = out.table;
  table.set_fiscal_year(TableYear(text));
  ProjectTarget& project = *table.add_projects();
  auto value = [&](absl::string_view label) -> std::string {
    const auto at = ValueLineAfter(lines, label);
    if (!at.has_value()) return "";
    const std::string& v = lines[*at].text;
    // A label followed by the next label: the cell is empty.
    for (absl::string_view next : kShortFormLabels) {
      if (absl::StartsWith(v, next)) return "";
    }
    return v;
  };
  project.set_name(value("项目名称"));
  if (const auto at = ValueLineAfter(lines, "项目名称")) project.set_source_line(lines[*at].number);
  table.mutable_department()->set_name(value("项目主管部门"));
  for (absl::string_view label : {"资金总额", "财政拨款", "其他"}) {
    const std::string amount = value(label);
    if (amount.empty()) continue;
    jixiao::v1::Money money;
    if (!SetWanYuan(amount, &money)) {
      AddFinding(out, 0, absl::StrCat(label, ": \"", amount, "\" is not an amount in 万元"));
    } else if (label == "资金总额") {
      *project.mutable_total() = money;
    } else if (label == "财政拨款") {
      *project.mutable_fiscal_appropriation() = money;
    } else {
      *project.mutable_other_funds() = money;
    }
  }
  project.set_goal(value("项目总体情况"));

  // After the header 一级 / 二级 / 三级 / 年度数值 / 备注: level lines, and name /
  // value pairs of lines.
  const auto header = ValueLineAfter(lines, "备注");
  if (!header.has_value()) {
    AddFinding(out, 0, "no indicator header (一级 二级 三级 年度数值 备注)");
    return out;
  }
  LevelState level;
  for (size_t i = *header; i < lines.size(); ++i) {
    if (IsWholeLevelName(lines[i].text)) {
      level.Apply(*LevelNameAt(lines[i].text, 0));
      continue;
    }
    const bool has_value = i + 1 < lines.size() && !IsWholeLevelName(lines[i + 1].text);
    AddTargetIndicator(project, level, lines[i].text, has_value ? lines[i + 1].text : "");
    if (!has_value) {
      AddFinding(out, lines[i].number, absl::StrCat("\"", lines[i].text, "\": no 年度数值"));
    } else {
      ++i;
    }
  }
  return out;
}

// ---- target and weight run together ------------------------------------------

constexpr absl::string_view kWordBounds[] = {"以上", "以下", "以内"};

TargetTableImport ReadTargetsWithWeights(absl::string_view text) {
  TargetTableImport out;
  const std::vector<Line> lines = NonEmptyLines(text);
  auto& table = out.table;
  table.set_fiscal_year(TableYear(text));
  ProjectTarget& project = *table.add_projects();
  // The title names the project: "<year>年度<project>绩效评价指标表".
  absl::string_view title = lines.empty() ? "" : absl::string_view(lines[0].text);
  if (table.fiscal_year() > 0) title.remove_prefix(std::min<size_t>(title.size(), 10));
  absl::ConsumeSuffix(&title, "绩效评价指标表");
  project.set_name(std::string(title));
  if (!lines.empty()) project.set_source_line(lines[0].number);

  size_t start = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (absl::StrContains(RemoveWhitespace(lines[i].text), "目标值分值")) start = i + 1;
  }
  LevelState level;
  struct Row {
    jixiao::v1::Indicator* indicator;
    std::string digits;  // the run that ends in the weight
    std::string value;   // the value text before the run
    int line;
  };
  std::vector<Row> rows;
  std::optional<double> printed_total;
  for (size_t i = start; i < lines.size(); ++i) {
    const std::string compact = RemoveWhitespace(lines[i].text);
    if (compact == "总分") {
      if (i + 1 < lines.size()) printed_total = ParsePlainNumber(lines[i + 1].text);
      break;
    }
    // The label columns (评价指标, 评价内容) end in "指标": the row's own cells follow.
    const size_t last_label = compact.rfind("指标");
    std::string cells = compact;
    if (last_label != std::string::npos) {
      const std::string labels = compact.substr(0, last_label + 6);
      cells = compact.substr(last_label + 6);
      bool known = false;
      for (const TableToken& t : TokenizeIndicatorSection(labels)) {
        if (t.kind == TableToken::Kind::kLevel) {
          level.Apply(*t.level);
          known = true;
        }
      }
      if (!known) {
        // A group the national levels do not name (制度指标): kept by name, no code.
        const size_t previous = labels.rfind("）") != std::string::npos  ? labels.rfind("）") + 3
                                : labels.rfind(")") != std::string::npos ? labels.rfind(")") + 1
                                                                         : 0;
        level = LevelState{};
        level.level2_name = labels.substr(previous);
      }
    }
    size_t digits_start = cells.size();
    while (digits_start > 0 && IsAsciiDigit(cells[digits_start - 1])) --digits_start;
    if (digits_start == cells.size()) {
      AddFinding(out, lines[i].number, absl::StrCat("\"", lines[i].text, "\": no 分值; skipped"));
      continue;
    }
    rows.push_back({AddTargetIndicator(project, level, cells.substr(0, digits_start), ""),
                    cells.substr(digits_start), cells.substr(0, digits_start), lines[i].number});
  }
  // The weight is a suffix of the trailing digits (1..100, no leading zero); the
  // rest of them ends the target. Ambiguity is settled by the printed 总分.
  std::vector<std::vector<WeightScore>> options;
  for (const Row& row : rows) {
    std::vector<WeightScore> o;
    for (size_t len = 1; len <= row.digits.size(); ++len) {
      const absl::string_view w = absl::string_view(row.digits).substr(row.digits.size() - len);
      const auto weight = ParsePlainNumber(w);
      if (weight && *weight > 0 && *weight <= kTableMaxPoints) {
        o.push_back({std::string(w), "", *weight, 0});
      }
    }
    options.push_back(std::move(o));
  }
  const auto chosen =
      ResolveReadings(options, printed_total.has_value() ? std::vector<double>{*printed_total}
                                                         : std::vector<double>{});
  for (size_t i = 0; i < rows.size(); ++i) {
    jixiao::v1::Indicator& indicator = *rows[i].indicator;
    if (!chosen[i].has_value()) {
      AddFinding(out, rows[i].line,
                 absl::StrCat("\"", rows[i].digits, "\" has ", options[i].size(),
                              " readings as 目标值 then 分值; kept in the name"));
      indicator.set_name(rows[i].value + rows[i].digits);
      continue;
    }
    const WeightScore& w = options[i][*chosen[i]];
    indicator.set_weight(w.weight);
    std::string value =
        rows[i].value + rows[i].digits.substr(0, rows[i].digits.size() - w.weight_text.size());
    std::string bound;
    for (absl::string_view word : kWordBounds) {
      if (absl::EndsWith(value, word)) {
        bound = std::string(word);
        value.resize(value.size() - word.size());
      }
    }
    const auto target_start = TrailingValueStart(value, value.size());
    if (!target_start.has_value()) {
      indicator.set_name(value + bound);
      AddFinding(out, rows[i].line, absl::StrCat("\"", indicator.name(), "\": no 目标值"));
      continue;
    }
    indicator.set_name(value.substr(0, *target_start));
    indicator.mutable_target()->set_text(value.substr(*target_start) + bound);
  }
  AddFinding(out, 0, "no amounts printed: the project's total is unknown");
  return out;
}

// ---- declaration form, columns apart ---------------------------------------------

std::vector<std::string> Words(absl::string_view line) {
  return absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
}

TargetTableImport ReadDeclarationForm(absl::string_view text) {
  TargetTableImport out;
  const std::vector<Line> lines = NonEmptyLines(text);
  auto& table = out.table;
  table.set_fiscal_year(TableYear(text));
  ProjectTarget& project = *table.add_projects();
  std::optional<int64_t> subtotal_sum;
  bool in_indicators = false;
  std::string goal_label;
  bool goal_next = false;
  LevelState level;
  std::string pending;
  std::string header_cell;
  for (const Line& line : lines) {
    const std::vector<std::string> words = Words(line.text);
    const std::string compact = RemoveWhitespace(line.text);
    if (!in_indicators) {
      if (words.size() >= 2 && words[0] == "项目名称") {
        project.set_name(absl::StrJoin(words.begin() + 1, words.end(), " "));
        project.set_source_line(line.number);
      } else if (words.size() >= 2 && (words[0] == "预算单位" || words[0] == "主管部门")) {
        table.mutable_department()->set_name(words[1]);
      } else if (absl::StartsWith(compact, "(一)") || absl::StartsWith(compact, "(二)") ||
                 absl::StartsWith(compact, "(三)")) {
        // Subtotals of the funds: 财政拨款, 自有资金, 其他收入.
        jixiao::v1::Money amount;
        if (words.size() == 2 && SetWanYuan(words[1], &amount)) {
          subtotal_sum = subtotal_sum.value_or(0) + amount.fen();
          if (absl::StrContains(compact, "财政拨款"))
            *project.mutable_fiscal_appropriation() = amount;
          if (absl::StrContains(compact, "其他")) *project.mutable_other_funds() = amount;
        } else {
          AddFinding(out, line.number, absl::StrCat("\"", line.text, "\": no amount"));
        }
      } else if (compact == "年度目标") {
        goal_next = true;
      } else if (goal_next) {
        project.set_goal(line.text);
        goal_next = false;
      }
      if (absl::StrContains(compact, "三级指标") && absl::StrContains(compact, "指标值")) {
        in_indicators = true;
        header_cell = words.empty() ? "" : words[0];
      }
      continue;
    }
    // The header's first cell spans the rows ("绩效指标"); level names may be
    // split over lines ("社会效益" / "指标").
    std::vector<std::string> cells;
    for (const std::string& w : words) {
      if (w == header_cell && cells.empty()) continue;
      cells.push_back(w);
    }
    if (cells.size() == 1 && !std::any_of(cells[0].begin(), cells[0].end(), IsAsciiDigit)) {
      pending += cells[0];
      continue;
    }
    size_t first = 0;
    while (first + 2 < cells.size() + 0 && IsWholeLevelName(cells[first])) {
      pending += cells[first];
      ++first;
    }
    for (const TableToken& t : TokenizeIndicatorSection(pending)) {
      if (t.kind == TableToken::Kind::kLevel) level.Apply(*t.level);
    }
    pending.clear();
    if (cells.size() - first < 2) {
      AddFinding(out, line.number, absl::StrCat("\"", line.text, "\": no 指标值"));
      continue;
    }
    AddTargetIndicator(project, level, absl::StrJoin(cells.begin() + first, cells.end() - 1, " "),
                       cells.back());
  }
  if (subtotal_sum.has_value()) {
    project.mutable_total()->set_fen(*subtotal_sum);
    AddFinding(out, 0,
               absl::StrCat("年度资金总额 has no figure of its own: the total is the sum of the "
                            "printed subtotals (一)+(二)+(三) = ",
                            money::FormatWanYuan(*subtotal_sum), " 万元"));
  }
  return out;
}

}  // namespace

absl::string_view TargetLayoutName(TargetLayout layout) {
  switch (layout) {
    case TargetLayout::kTabSeparated:
      return "项目支出绩效目标表 (tab-separated, one project per line)";
    case TargetLayout::kShortFormOneCellPerLine:
      return "项目支出目标申报表 short form (产出值/数量值…, one cell per line)";
    case TargetLayout::kTargetsWithWeights:
      return "绩效评价指标表 (目标值 and 分值 run together)";
    case TargetLayout::kDeclarationForm:
      return "项目支出绩效目标申报表 (columns apart)";
  }
  return "";
}

absl::StatusOr<TargetTableLayoutImport> ImportAnyTargetTableText(absl::string_view text) {
  const std::string compact = RemoveWhitespace(text);
  TargetTableLayoutImport result;
  if (compact.empty() || absl::StrContains(text, "\t")) {
    result.layout = TargetLayout::kTabSeparated;
    result.import = ImportTargetTableText(text);
    return result;
  }
  const EvaluationLayout evaluation = DetectEvaluationLayout(text);
  if (evaluation != EvaluationLayout::kTargetTable && evaluation != EvaluationLayout::kUnknown) {
    return absl::InvalidArgumentError(absl::StrCat("the text is a ", LayoutName(evaluation),
                                                   ", not a target table; it is not imported"));
  }
  if (absl::StrContains(compact, "产出值") && absl::StrContains(compact, "年度数值")) {
    result.layout = TargetLayout::kShortFormOneCellPerLine;
    result.import = ReadShortForm(text);
  } else if (absl::StrContains(compact, "目标值分值")) {
    result.layout = TargetLayout::kTargetsWithWeights;
    result.import = ReadTargetsWithWeights(text);
  } else if (absl::StrContains(compact, "目标申报表") && absl::StrContains(compact, "三级指标")) {
    result.layout = TargetLayout::kDeclarationForm;
    result.import = ReadDeclarationForm(text);
  } else {
    return absl::InvalidArgumentError(
        "no known target-table layout: found neither tab-separated project rows, the short "
        "form's 产出值/年度数值, a 目标值 | 分值 header, nor a 目标申报表 with 三级指标");
  }
  return result;
}

}  // namespace jixiao::table_import
