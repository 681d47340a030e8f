#pragma once

// One reader per layout of evaluation_layout.h. Internal to the importer: call
// ImportEvaluationText (evaluation_import.h), which tells the layout first.

#include "absl/strings/string_view.h"
#include "common/domain/table_import/evaluation_import.h"

namespace jixiao::table_import {

// 10号 form, rows one per line (form10_reader.cc).
EvaluationImport ReadForm10Lines(absl::string_view text);
// 10号 form, cells run together (form10_reader.cc).
EvaluationImport ReadForm10Flattened(absl::string_view text);
// Transfer-payment form without 分值/得分 columns (transfer_form_reader.cc).
EvaluationImport ReadTransferNoScores(absl::string_view text);
// Transfer-payment form with weights in percent (transfer_form_reader.cc).
EvaluationImport ReadTransferPercentWeights(absl::string_view text);
// Re-evaluation status table (reevaluation_reader.cc).
EvaluationImport ReadReevaluationStatus(absl::string_view text);

}  // namespace jixiao::table_import
