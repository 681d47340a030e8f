#pragma once

// Pieces shared by the readers of evaluation layouts: the level a row sits under,
// the markers that cut a run-together table into rows, and the report's rows.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/domain/table_import/evaluation_import.h"
#include "common/domain/table_import/table_words.h"
#include "jixiao/v1/indicator.pb.h"

namespace jixiao::table_import {

// The level-1 and level-2 group the next rows belong to.
struct LevelState {
  std::string level1_code, level1_name, level2_code, level2_name;

  // A level-2 name also sets its level 1 (数量指标 is under 产出指标), so rows
  // keep their level 1 where a copy lost the level-1 label.
  void Apply(const LevelName& level);
};

// A piece of a table's text: a level name, a row label ("指标1:"), a
// placeholder ("……"), or the text between them.
struct TableToken {
  enum class Kind { kLevel, kRowLabel, kPlaceholder, kText };
  Kind kind = Kind::kText;
  std::string text;
  std::optional<LevelName> level;
};

// Cuts `compact` (white space removed) at level names, row labels and placeholders.
std::vector<TableToken> TokenizeIndicatorSection(absl::string_view compact);

// The length in bytes of the row label ("指标12:", "指标1：") at `pos`, or 0.
size_t RowLabelLengthAt(absl::string_view text, size_t pos);

// True when `text` is only "/" marks: a row the form marks not applicable.
bool IsNotApplicable(absl::string_view text);

// "row 3 (工程质量合格)".
std::string RowWhere(int row, absl::string_view name);

// Appends an indicator numbered `row` under `level`.
jixiao::v1::Indicator* AddIndicator(jixiao::v1::EvaluationReport& report, const LevelState& level,
                                    int row, absl::string_view name);

// Sets target and actual texts, leaving a value unset when its text is empty.
void SetTargetActual(jixiao::v1::Indicator& indicator, absl::string_view target,
                     absl::string_view actual);

// Sets the budget-execution item of the national scheme from a 分值/得分 pair.
void SetExecutionItem(jixiao::v1::EvaluationReport& report, double weight,
                      std::optional<double> score);

// Sets a money field from a printed 万元 amount; false when it is not one.
bool SetWanYuan(absl::string_view text, jixiao::v1::Money* money);

// Sets project_code from the printed 项目编码, else from the project's name.
void SetProjectCode(absl::string_view text, absl::string_view project_name,
                    jixiao::v1::EvaluationReport& report);

// The text between `label` and the first of `next_labels` after it (or the end),
// trimmed; empty when `label` is absent.
std::string TextAfterLabel(absl::string_view text, absl::string_view label,
                           std::initializer_list<absl::string_view> next_labels);

// Total points of a table: the largest weight one row may carry.
inline constexpr double kTableMaxPoints = 100;

}  // namespace jixiao::table_import
