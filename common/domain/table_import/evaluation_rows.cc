#include "common/domain/table_import/evaluation_rows.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/domain/money/money.h"

namespace jixiao::table_import {
namespace {

constexpr absl::string_view kRowLabelWord = "指标";
constexpr absl::string_view kEllipsis = "…";

}  // namespace

size_t RowLabelLengthAt(absl::string_view text, size_t pos) {
  if (!absl::StartsWith(text.substr(pos), kRowLabelWord)) return 0;
  size_t end = pos + kRowLabelWord.size();
  const size_t digits = end;
  while (end < text.size() && IsAsciiDigit(text[end])) ++end;
  if (end == digits) return 0;
  if (absl::StartsWith(text.substr(end), ":")) return end + 1 - pos;
  if (absl::StartsWith(text.substr(end), "：")) return end + 3 - pos;
  return 0;
}

void LevelState::Apply(const LevelName& level) {
  level1_code = std::string(level.level1_code);
  level1_name = std::string(level.level1_name);
  if (level.is_level1) {
    level2_code.clear();
    level2_name.clear();
  } else {
    level2_code = std::string(level.code);
    level2_name = std::string(level.text);
  }
}

std::vector<TableToken> TokenizeIndicatorSection(absl::string_view compact) {
  std::vector<TableToken> tokens;
  std::string text;
  auto flush = [&] {
    if (!text.empty()) tokens.push_back({TableToken::Kind::kText, std::move(text), std::nullopt});
    text.clear();
  };
  size_t pos = 0;
  while (pos < compact.size()) {
    if (const size_t label = RowLabelLengthAt(compact, pos); label > 0) {
      flush();
      tokens.push_back(
          {TableToken::Kind::kRowLabel, std::string(compact.substr(pos, label)), std::nullopt});
      pos += label;
      continue;
    }
    if (absl::StartsWith(compact.substr(pos), kEllipsis)) {
      flush();
      while (absl::StartsWith(compact.substr(pos), kEllipsis)) pos += kEllipsis.size();
      tokens.push_back({TableToken::Kind::kPlaceholder, "……", std::nullopt});
      continue;
    }
    if (const auto level = LevelNameAt(compact, pos); level.has_value()) {
      flush();
      tokens.push_back({TableToken::Kind::kLevel, std::string(level->text), level});
      pos += level->text.size();
      continue;
    }
    text.push_back(compact[pos]);
    ++pos;
  }
  flush();
  return tokens;
}

bool IsNotApplicable(absl::string_view text) {
  bool any = false;
  for (char c : text) {
    if (c == '/') {
      any = true;
    } else if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return any;
}

std::string RowWhere(int row, absl::string_view name) {
  return absl::StrCat("row ", row, " (", name, ")");
}

jixiao::v1::Indicator* AddIndicator(jixiao::v1::EvaluationReport& report, const LevelState& level,
                                    int row, absl::string_view name) {
  jixiao::v1::Indicator* indicator = report.add_indicators();
  indicator->set_id(absl::StrCat(row));
  indicator->set_level1_code(level.level1_code);
  indicator->set_level1_name(level.level1_name);
  indicator->set_level2_code(level.level2_code);
  indicator->set_level2_name(level.level2_name);
  indicator->set_name(std::string(name));
  return indicator;
}

void SetTargetActual(jixiao::v1::Indicator& indicator, absl::string_view target,
                     absl::string_view actual) {
  if (!target.empty()) indicator.mutable_target()->set_text(std::string(target));
  if (!actual.empty()) indicator.mutable_actual()->set_text(std::string(actual));
}

void SetExecutionItem(jixiao::v1::EvaluationReport& report, double weight,
                      std::optional<double> score) {
  jixiao::v1::AssessedItem* item = report.add_effectiveness_items();
  item->set_code("project.budget_execution");
  item->set_name("预算执行率");
  item->set_weight(weight);
  if (score.has_value()) item->set_declared_score(*score);
}

bool SetWanYuan(absl::string_view text, jixiao::v1::Money* money) {
  const auto fen = money::ParseAmountFen(text, money::AmountUnit::kWanYuan);
  if (!fen.ok()) return false;
  money->set_fen(*fen);
  return true;
}

void SetProjectCode(absl::string_view text, absl::string_view project_name,
                    jixiao::v1::EvaluationReport& report) {
  const auto printed = PrintedProjectCode(text);
  report.set_project_code(printed.has_value() ? *printed : DerivedProjectCode(project_name));
}

std::string TextAfterLabel(absl::string_view text, absl::string_view label,
                           std::initializer_list<absl::string_view> next_labels) {
  const size_t at = text.find(label);
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = text.substr(at + label.size());
  size_t end = rest.size();
  for (absl::string_view next : next_labels) end = std::min(end, rest.find(next));
  absl::string_view value = absl::StripAsciiWhitespace(rest.substr(0, end));
  absl::ConsumePrefix(&value, ":");
  absl::ConsumePrefix(&value, "：");
  return std::string(absl::StripAsciiWhitespace(value));
}

}  // namespace jixiao::table_import
