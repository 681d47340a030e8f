#pragma once

// Importer for the published text of a 项目支出绩效目标表 (project expenditure
// target table): one project per line, tab-separated columns
//   项目名称 \t 总计 \t 财政拨款 \t 财政专户拨款 \t 其他资金 \t 绩效目标 \t 绩效指标
// where the indicator cell reads
//   1、1-产出指标；11-数量指标；<name>；实施周期指标值:<v>；年度指标值:<v>。2、…
// The extraction from PDF leaves <p> tags and mixes full- and half-width
// punctuation; both are accepted.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::table_import {

struct TargetTableLineError {
  int line = 0;  // 1-based
  std::string reason;
};

struct TargetTableImport {
  jixiao::v1::ProjectTargetTable table;
  // Lines that were skipped. Every other project line is in `table`.
  std::vector<TargetTableLineError> errors;
  // Cells imported with a caveat (a figure derived from others, a row without a
  // target): the rows are in `table`, the reasons here. Line 0: the whole table.
  std::vector<TargetTableLineError> findings;
};

// Imports the text. Never fails as a whole: a bad line is reported with its
// number and reason, and the good lines are still imported. The department name
// printed in the table (部门名称) is kept in table.department.name.
TargetTableImport ImportTargetTableText(absl::string_view text);

}  // namespace jixiao::table_import
