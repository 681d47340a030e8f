#include "common/domain/table_import/evaluation_import.h"

#include "absl/strings/str_cat.h"
#include "common/domain/table_import/evaluation_readers.h"

namespace jixiao::table_import {

std::string FindingText(const ImportFinding& finding) {
  return absl::StrCat(finding.where, ": ", finding.message);
}

absl::StatusOr<EvaluationImport> ImportEvaluationText(absl::string_view text) {
  const EvaluationLayout layout = DetectEvaluationLayout(text);
  switch (layout) {
    case EvaluationLayout::kForm10Lines:
      return ReadForm10Lines(text);
    case EvaluationLayout::kForm10Flattened:
      return ReadForm10Flattened(text);
    case EvaluationLayout::kTransferNoScores:
      return ReadTransferNoScores(text);
    case EvaluationLayout::kTransferPercentWeights:
      return ReadTransferPercentWeights(text);
    case EvaluationLayout::kReevaluationStatus:
      return ReadReevaluationStatus(text);
    case EvaluationLayout::kTargetTable:
    case EvaluationLayout::kDepartmentSelfEvaluation:
      return absl::InvalidArgumentError(
          absl::StrCat("the text is a ", LayoutName(layout),
                       ", not a project self-evaluation; it is not imported"));
    case EvaluationLayout::kUnknown:
      break;
  }
  return absl::InvalidArgumentError(
      "no known self-evaluation layout: found none of the header words of the 10号 form "
      "(年度指标值, 实际完成值, 分值, 得分), the transfer-payment forms (指标值, 全年实际完成值 / "
      "权重) or a re-evaluation table (指标性质, 实际完成值)");
}

}  // namespace jixiao::table_import
