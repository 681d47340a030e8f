#pragma once

// Target tables (绩效目标表, 目标申报表, 绩效评价指标表) in the layouts published
// pages use, told apart by their header words:
//   - the tab-separated 项目支出绩效目标表 of target_table_text.h;
//   - a short form with one cell per line and levels named 产出值 / 数量值 / …;
//   - a 绩效评价指标表 whose rows end in 目标值 and 分值 run together
//     ("达到预计值210010" = 2100 | 10), weights adding up to the printed 总分;
//   - a 项目支出绩效目标申报表 with its columns apart on each line.
// A text in none of them, or a self-evaluation, is refused with the layout found.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/table_import/target_table_text.h"

namespace jixiao::table_import {

enum class TargetLayout {
  kTabSeparated,
  kShortFormOneCellPerLine,
  kTargetsWithWeights,
  kDeclarationForm,
};

absl::string_view TargetLayoutName(TargetLayout layout);

struct TargetTableLayoutImport {
  TargetLayout layout = TargetLayout::kTabSeparated;
  TargetTableImport import;
};

// The year is taken where the table prints one ("(2021年度)", "2019年度…表").
absl::StatusOr<TargetTableLayoutImport> ImportAnyTargetTableText(absl::string_view text);

}  // namespace jixiao::table_import
