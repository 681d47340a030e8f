#pragma once

// Which published form a table's text is, told from its header words and the
// shape of its rows, never from names of places, units or projects.

#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::table_import {

enum class EvaluationLayout {
  kUnknown,
  // 项目支出绩效自评表 (财预〔2020〕10号 附件), one row per line, cells apart.
  kForm10Lines,
  // The same form with its cells run together (a flattened page or OCR text).
  kForm10Flattened,
  // 中央转移支付 绩效目标自评表 without 分值/得分 columns (指标值 | 全年实际完成值).
  kTransferNoScores,
  // A provincial transfer-payment 自评表 weighing indicators in percent (权重 20%).
  kTransferPercentWeights,
  // A finance department's 绩效再评价 status table: typed targets, 已完成/未完成.
  kReevaluationStatus,
  // Forms that are not project self-evaluations, named in a refusal.
  kTargetTable,
  kDepartmentSelfEvaluation,
};

// A short, stable name of the layout for findings and refusals.
absl::string_view LayoutName(EvaluationLayout layout);

// Tells the layout from the header words of `text` (the table, without any
// header block of a corpus file).
EvaluationLayout DetectEvaluationLayout(absl::string_view text);

}  // namespace jixiao::table_import
