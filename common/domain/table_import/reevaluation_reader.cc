// Reader of a finance department's re-evaluation (绩效再评价) of a project: the
// evaluator, the project, its funds, a status table (一级 | 二级 | 三级指标 | 指标性质
// | 指标值 | 实际完成值) whose targets are typed ("≥95.00%", "<=4758万元", "=提高")
// and whose actuals are status words only, and the unit's own 自评分 it quotes.

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/domain/table_import/evaluation_readers.h"
#include "common/domain/table_import/evaluation_rows.h"
#include "common/domain/table_import/indicator_cells.h"

namespace jixiao::table_import {
namespace {

constexpr absl::string_view kTableHeader = "指标性质指标值实际完成值";
constexpr absl::string_view kStatusWords[] = {"部分完成", "基本完成", "已完成", "未完成"};
// A row is a name and a typed target: longer text is the narrative after the table.
constexpr size_t kMaxRowBytes = 60 * 3;

// The first status word in `text` at or after `from`: its position and length.
// Only a row's length is searched, so the table is read in linear time.
std::pair<size_t, size_t> NextStatus(absl::string_view text, size_t from) {
  std::pair<size_t, size_t> best{absl::string_view::npos, 0};
  const absl::string_view window = text.substr(from, kMaxRowBytes + 4 * 3);
  for (absl::string_view word : kStatusWords) {
    const size_t at = window.find(word);
    if (at != absl::string_view::npos && from + at < best.first) best = {from + at, word.size()};
  }
  return best;
}

// The first comparison operator in `text`, or npos.
size_t FirstOperator(absl::string_view text) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (OperatorLengthAt(text, pos) > 0) return pos;
  }
  return absl::string_view::npos;
}

// The number right after `label` (and "为", ":"), as printed.
std::string NumberAfter(absl::string_view text, absl::string_view label) {
  const size_t at = text.find(label);
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = text.substr(at + label.size());
  absl::ConsumePrefix(&rest, "为");
  absl::ConsumePrefix(&rest, ":");
  absl::ConsumePrefix(&rest, "：");
  size_t end = 0;
  while (end < rest.size() && (IsAsciiDigit(rest[end]) || rest[end] == '.')) ++end;
  return std::string(rest.substr(0, end));
}

// The finance department that signs the text: the name ending in 财政局 or 财政厅
// right before a date ("…报告景东彝族自治县财政局2023年12月12日"), after the last
// "报告", "附件" or punctuation before it.
std::string Signatory(absl::string_view text) {
  for (absl::string_view office : {"财政局", "财政厅"}) {
    int tried = 0;  // the signature is near the end: a few candidates suffice
    for (size_t at = text.rfind(office); at != absl::string_view::npos && at > 0 && tried++ < 8;
         at = text.rfind(office, at - 1)) {
      const size_t after = at + office.size();
      if (after + 4 >= text.size() || !IsAsciiDigit(text[after])) continue;
      size_t start = 0;
      for (absl::string_view stop : {"报告", "附件", ",", "。", ":", "，", "：", ")"}) {
        const size_t s = text.rfind(stop, at);
        if (s != absl::string_view::npos) start = std::max(start, s + stop.size());
      }
      if (at + office.size() - start <= 20 * 3) {
        return std::string(text.substr(start, at + office.size() - start));
      }
    }
  }
  return "";
}

// The text cut at commas, except the thousands separators of figures ("4,758.00").
std::vector<absl::string_view> Clauses(absl::string_view text) {
  std::vector<absl::string_view> clauses;
  size_t start = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    size_t comma = 0;
    if (text[pos] == ',') {
      const bool in_figure = pos > 0 && pos + 1 < text.size() && IsAsciiDigit(text[pos - 1]) &&
                             IsAsciiDigit(text[pos + 1]);
      if (!in_figure) comma = 1;
    } else if (absl::StartsWith(text.substr(pos), "，")) {
      comma = 3;
    }
    if (comma == 0) continue;
    clauses.push_back(text.substr(start, pos - start));
    start = pos + comma;
    pos += comma - 1;
  }
  clauses.push_back(text.substr(start));
  return clauses;
}

}  // namespace

EvaluationImport ReadReevaluationStatus(absl::string_view text) {
  EvaluationImport out;
  out.layout = EvaluationLayout::kReevaluationStatus;
  auto& report = out.report;
  report.set_kind(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  std::string compact;
  for (absl::string_view line : absl::StrSplit(text, '\n')) absl::StrAppend(&compact, line);
  compact = RemoveWhitespace(compact);

  // "委托<evaluator>对“<project>”进行绩效评价".
  const std::string evaluator = TextAfterLabel(compact, "委托", {"对“", "对\""});
  const std::string project = TextAfterLabel(compact, "“", {"”"});
  auto& who = *report.mutable_evaluator();
  const std::string signatory = Signatory(compact);
  if (!evaluator.empty() && evaluator.size() < 40 * 3) {
    who.set_name(evaluator);
    who.set_kind(absl::StrContains(evaluator, "财政")
                     ? jixiao::v1::EVALUATOR_KIND_FINANCE_DEPARTMENT
                     : jixiao::v1::EVALUATOR_KIND_THIRD_PARTY);
    who.set_commissioned_by(signatory);
  } else if (!signatory.empty()) {
    who.set_name(signatory);
    who.set_kind(jixiao::v1::EVALUATOR_KIND_FINANCE_DEPARTMENT);
  } else {
    out.findings.push_back({"评价机构",
                            "neither a commissioned evaluator (委托…对) nor a "
                            "signing finance department is printed"});
  }
  if (!evaluator.empty() && signatory.empty()) {
    out.findings.push_back({"评价机构",
                            "the commissioning finance department is not printed "
                            "before a date"});
  }
  report.mutable_source()->set_title(project);
  report.mutable_source()->set_publisher(signatory);
  SetProjectCode(compact, project, report);
  // The year: "(2022年度)" where printed, else the year the project's name starts with.
  int year = PrintedYear(compact).value_or(0);
  if (year == 0 && project.size() > 7 &&
      absl::StartsWith(absl::string_view(project).substr(4), "年") &&
      std::all_of(project.begin(), project.begin() + 4, IsAsciiDigit)) {
    year = std::stoi(project.substr(0, 4));
  }
  if (year > 0) {
    report.set_fiscal_year(year);
    report.set_period_start_year(year);
  } else {
    out.findings.push_back({"年度", "no year printed: the year must be given"});
  }
  // The funds the text names ("下达…4,758.00万元"), kept verbatim.
  for (absl::string_view clause : Clauses(compact)) {
    if (absl::StartsWith(clause, "下达") && absl::EndsWith(clause, "万元")) {
      report.mutable_budget()->add_notes(std::string(clause));
    }
  }

  const size_t header = absl::string_view(compact).find(kTableHeader);
  if (header == std::string::npos) {
    out.findings.push_back({"绩效目标实现情况", "no status table header found"});
    return out;
  }
  const absl::string_view rest = absl::string_view(compact).substr(header + kTableHeader.size());
  LevelState level;
  int row = 0;
  size_t pos = 0;
  while (pos < rest.size()) {
    const auto [status, length] = NextStatus(rest, pos);
    if (status == absl::string_view::npos || status - pos > kMaxRowBytes) break;
    std::string cells;
    for (const TableToken& token : TokenizeIndicatorSection(rest.substr(pos, status - pos))) {
      if (token.kind == TableToken::Kind::kLevel) level.Apply(*token.level);
      if (token.kind == TableToken::Kind::kText) cells += token.text;
    }
    const size_t op = FirstOperator(cells);
    if (op == absl::string_view::npos || op == 0) break;  // not a row: the table has ended
    ++row;
    jixiao::v1::Indicator* indicator = AddIndicator(report, level, row, cells.substr(0, op));
    SetTargetActual(*indicator, cells.substr(op), rest.substr(status, length));
    pos = status + length;
  }
  if (row == 0) out.findings.push_back({"绩效目标实现情况", "no row with a typed target"});

  const std::string self_score = NumberAfter(compact, "自评分");
  if (const auto score = ParsePlainNumber(self_score); score.has_value()) {
    report.mutable_declared()->set_total(*score);
  } else {
    out.findings.push_back({"自评分", "the unit's self-score is not printed"});
  }
  out.findings.push_back(
      {"实际完成值", "the table gives a status word for each row, no figures, weights or scores"});
  return out;
}

}  // namespace jixiao::table_import
