#pragma once

// Importer for the published text of a project's performance self-evaluation
// (项目支出绩效自评表) and its regional variants: text in, report and findings
// out, no I/O. The layouts read are those of evaluation_layout.h; any other text
// is refused with the layout it was found to be.
//
// Every printed figure is kept as printed: budget columns (万元 → 分), the budget
// execution row's 分值/得分 (as the scheme item "project.budget_execution"), each
// indicator's levels, name, 年度指标值, 实际完成值, 分值, 得分 and 偏差原因, and the
// printed 总分 as declared.total. A cell that cannot be read with certainty is a
// finding naming its row and cell, never a guess: the row is still imported with
// what could be read.
//
// Identity the table does not print (department code, district, level, sector)
// is left empty for the caller; the year is taken from "(2022年度)" where printed,
// and project_code from the printed 项目编码, else derived from the project name
// (table_words.h: DerivedProjectCode).

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/table_import/evaluation_layout.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::table_import {

// What could not be read with certainty, and where: `where` names the row and
// cell ("row 3 (工程质量合格)", "年度资金总额").
struct ImportFinding {
  std::string where;
  std::string message;
};

std::string FindingText(const ImportFinding& finding);

struct EvaluationImport {
  jixiao::v1::EvaluationReport report;
  std::vector<ImportFinding> findings;
  EvaluationLayout layout = EvaluationLayout::kUnknown;
};

// InvalidArgument, naming the layout found, when `text` is not a form this
// importer reads. `text` is the table alone (see corpus_file.h for files that
// carry a header block).
absl::StatusOr<EvaluationImport> ImportEvaluationText(absl::string_view text);

}  // namespace jixiao::table_import
