#include "common/domain/table_import/target_table_text.h"

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/domain/money/money.h"

namespace jixiao::table_import {
namespace {

using jixiao::v1::Indicator;
using jixiao::v1::ProjectTarget;

constexpr int kColumns = 7;

// Full-width punctuation the PDF extraction mixes with ASCII.
constexpr absl::string_view kFullSemicolon = "；";
constexpr absl::string_view kFullColon = "：";
constexpr absl::string_view kIdeographicComma = "、";
constexpr absl::string_view kFullStop = "。";
constexpr absl::string_view kPeriodMarker = "实施周期指标值";
constexpr absl::string_view kAnnualMarker = "年度指标值";

// Removes the <p> markup and the surrounding white space of a cell.
std::string CleanCell(absl::string_view cell) {
  std::string s = absl::StrReplaceAll(cell, {{"<p>", ""}, {"</p>", ""}});
  return std::string(absl::StripAsciiWhitespace(s));
}

std::string NormalizePunctuation(absl::string_view s) {
  return absl::StrReplaceAll(s, {{kFullSemicolon, ";"}, {kFullColon, ":"}});
}

// Amount cell in 万元; an empty cell is "not given" (nullopt), not zero.
absl::StatusOr<std::optional<int64_t>> ParseAmountCell(absl::string_view cell,
                                                       absl::string_view column) {
  if (cell.empty()) return std::optional<int64_t>();
  auto fen = money::ParseAmountFen(cell, money::AmountUnit::kWanYuan);
  if (!fen.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(column, ": ", fen.status().message()));
  }
  return std::optional<int64_t>(*fen);
}

// Splits "1、…2、…" into the indicators' texts. An item starts where the next
// expected number is followed by 、 and a level-1 code ("2、2-"), so numbers
// inside values ("区内受惠企业不少于10家") never split an item.
absl::StatusOr<std::vector<absl::string_view>> SplitIndicatorItems(absl::string_view cell) {
  std::vector<absl::string_view> items;
  size_t start = 0;
  for (int n = 1;; ++n) {
    const std::string marker = absl::StrCat(n, kIdeographicComma);
    if (n == 1) {
      if (!absl::StartsWith(cell, marker)) {
        return absl::InvalidArgumentError("indicator cell does not start with \"1、\"");
      }
      start = marker.size();
      continue;
    }
    const std::string next = absl::StrCat(n, kIdeographicComma);
    size_t pos = start;
    size_t found = absl::string_view::npos;
    while ((pos = cell.find(next, pos)) != absl::string_view::npos) {
      const size_t after = pos + next.size();
      if (after + 1 < cell.size() && absl::ascii_isdigit(cell[after]) && cell[after + 1] == '-') {
        found = pos;
        break;
      }
      pos = after;
    }
    if (found == absl::string_view::npos) {
      items.push_back(cell.substr(start));
      return items;
    }
    items.push_back(cell.substr(start, found - start));
    start = found + next.size();
  }
}

// "11-数量指标" → code "11", name "数量指标".
absl::Status ParseLevel(absl::string_view field, std::string* code, std::string* name) {
  const std::pair<absl::string_view, absl::string_view> parts =
      absl::StrSplit(field, absl::MaxSplits('-', 1));
  if (parts.first.empty() || parts.second.empty() ||
      !std::all_of(parts.first.begin(), parts.first.end(), absl::ascii_isdigit)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", field, "\" is not \"<code>-<name>\""));
  }
  *code = std::string(parts.first);
  *name = std::string(absl::StripAsciiWhitespace(parts.second));
  return absl::OkStatus();
}

// One item: "1-产出指标;11-数量指标;<name>;实施周期指标值:<v>;年度指标值:<v>。"
// (punctuation already normalized to ASCII ; and :).
absl::StatusOr<Indicator> ParseIndicator(absl::string_view item, int number) {
  Indicator indicator;
  indicator.set_id(absl::StrCat(number));
  absl::string_view rest = absl::StripAsciiWhitespace(item);
  absl::ConsumeSuffix(&rest, kFullStop);

  const size_t annual = rest.rfind(absl::StrCat(";", kAnnualMarker));
  const size_t period = rest.rfind(absl::StrCat(";", kPeriodMarker), annual);
  if (annual == absl::string_view::npos || period == absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat("indicator ", number, ": missing \"",
                                                   kPeriodMarker, "\" or \"", kAnnualMarker, "\""));
  }
  auto value_after_colon = [](absl::string_view field) {
    const size_t colon = field.find(':');
    return std::string(absl::StripAsciiWhitespace(
        colon == absl::string_view::npos ? absl::string_view() : field.substr(colon + 1)));
  };
  indicator.mutable_period_target()->set_text(
      value_after_colon(rest.substr(period + 1, annual - period - 1)));
  indicator.mutable_target()->set_text(value_after_colon(rest.substr(annual + 1)));

  const std::vector<absl::string_view> head =
      absl::StrSplit(rest.substr(0, period), absl::MaxSplits(';', 2));
  if (head.size() != 3) {
    return absl::InvalidArgumentError(
        absl::StrCat("indicator ", number, ": expected level 1, level 2 and name"));
  }
  if (auto s =
          ParseLevel(head[0], indicator.mutable_level1_code(), indicator.mutable_level1_name());
      !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("indicator ", number, ": ", s.message()));
  }
  if (auto s =
          ParseLevel(head[1], indicator.mutable_level2_code(), indicator.mutable_level2_name());
      !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("indicator ", number, ": ", s.message()));
  }
  absl::string_view name = absl::StripAsciiWhitespace(head[2]);
  absl::ConsumeSuffix(&name, kFullStop);
  indicator.set_name(std::string(name));
  if (indicator.name().empty()) {
    return absl::InvalidArgumentError(absl::StrCat("indicator ", number, ": empty name"));
  }
  return indicator;
}

absl::StatusOr<std::vector<Indicator>> ParseIndicatorCell(absl::string_view cell) {
  const std::string normalized = NormalizePunctuation(cell);
  auto items = SplitIndicatorItems(normalized);
  if (!items.ok()) return items.status();
  std::vector<Indicator> indicators;
  for (size_t i = 0; i < items->size(); ++i) {
    auto indicator = ParseIndicator((*items)[i], static_cast<int>(i) + 1);
    if (!indicator.ok()) return indicator.status();
    indicators.push_back(*std::move(indicator));
  }
  return indicators;
}

// Sets the amount only when the cell printed one: an empty cell stays absent.
template <typename MutableMoney>
void SetMoney(const std::optional<int64_t>& fen, MutableMoney mutable_money) {
  if (fen.has_value()) mutable_money()->set_fen(*fen);
}

// The amount columns of a row: 总计, 财政拨款, 财政专户拨款, 其他资金.
struct RowAmounts {
  std::optional<int64_t> total, fiscal, special_account, other;
};

absl::StatusOr<RowAmounts> ParseAmounts(const std::vector<std::string>& cells) {
  RowAmounts amounts;
  std::optional<int64_t>* fields[] = {&amounts.total, &amounts.fiscal, &amounts.special_account,
                                      &amounts.other};
  constexpr absl::string_view kNames[] = {"总计", "财政拨款", "财政专户拨款", "其他资金"};
  for (int i = 0; i < 4; ++i) {
    auto parsed = ParseAmountCell(cells[i + 1], kNames[i]);
    if (!parsed.ok()) return parsed.status();
    *fields[i] = *parsed;
  }
  if (!amounts.total.has_value()) return absl::InvalidArgumentError("总计 is empty");
  return amounts;
}

absl::StatusOr<ProjectTarget> ParseProjectRow(const std::vector<std::string>& cells, int line) {
  auto amounts = ParseAmounts(cells);
  if (!amounts.ok()) return amounts.status();
  ProjectTarget project;
  project.set_name(cells[0]);
  project.set_source_line(line);
  SetMoney(amounts->total, [&] { return project.mutable_total(); });
  SetMoney(amounts->fiscal, [&] { return project.mutable_fiscal_appropriation(); });
  SetMoney(amounts->special_account, [&] { return project.mutable_fiscal_special_account(); });
  SetMoney(amounts->other, [&] { return project.mutable_other_funds(); });
  project.set_goal(cells[5]);
  auto indicators = ParseIndicatorCell(cells[6]);
  if (!indicators.ok()) return indicators.status();
  for (auto& indicator : *indicators) *project.add_indicators() = std::move(indicator);
  return project;
}

bool IsHeaderLine(absl::string_view line) {
  return absl::StartsWith(line, "项目支出绩效目标表") || absl::StartsWith(line, "单位") ||
         absl::StartsWith(line, "项目名称");
}

}  // namespace

TargetTableImport ImportTargetTableText(absl::string_view text) {
  TargetTableImport result;
  auto& table = result.table;
  int line_number = 0;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&raw, "\r");
    const std::string line = CleanCell(raw);
    if (line.empty() || IsHeaderLine(line)) continue;
    if (absl::StartsWith(line, "部门名称")) {
      const std::string normalized = NormalizePunctuation(line);
      const size_t colon = normalized.find(':');
      if (colon != std::string::npos) {
        table.mutable_department()->set_name(
            std::string(absl::StripAsciiWhitespace(normalized.substr(colon + 1))));
      }
      continue;
    }
    std::vector<std::string> cells;
    for (absl::string_view cell : absl::StrSplit(raw, '\t')) cells.push_back(CleanCell(cell));
    if (cells.size() != kColumns) {
      result.errors.push_back(
          {line_number,
           absl::StrCat("expected ", kColumns, " tab-separated columns, found ", cells.size())});
      continue;
    }
    if (cells[0] == "合计" || cells[0] == table.department().name()) {
      // The 合计 row carries the table's totals; the department's own row repeats them.
      auto amounts = ParseAmounts(cells);
      if (!amounts.ok()) {
        result.errors.push_back({line_number, std::string(amounts.status().message())});
      } else if (cells[0] == "合计") {
        SetMoney(amounts->total, [&] { return table.mutable_total(); });
        SetMoney(amounts->fiscal, [&] { return table.mutable_fiscal_appropriation_total(); });
      }
      continue;
    }
    auto project = ParseProjectRow(cells, line_number);
    if (!project.ok()) {
      result.errors.push_back({line_number, std::string(project.status().message())});
      continue;
    }
    *table.add_projects() = *std::move(project);
  }
  return result;
}

}  // namespace jixiao::table_import
