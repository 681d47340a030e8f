#include "common/domain/table_import/evaluation_layout.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "common/domain/table_import/table_words.h"

namespace jixiao::table_import {
namespace {

bool HasAll(absl::string_view text, std::initializer_list<absl::string_view> words) {
  return std::all_of(words.begin(), words.end(),
                     [&](absl::string_view w) { return absl::StrContains(text, w); });
}

// In the lines layout some line ends in its 分值 and 得分 as two separate figures
// ("总分 100 100", "… 1 1 10 10"); a flattened copy has none.
bool HasLineEndingInTwoFigures(absl::string_view text) {
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    const std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
    if (words.size() >= 3 && IsPlainNumber(words[words.size() - 1]) &&
        IsPlainNumber(words[words.size() - 2])) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::string_view LayoutName(EvaluationLayout layout) {
  switch (layout) {
    case EvaluationLayout::kForm10Lines:
      return "项目支出绩效自评表 (10号, one row per line)";
    case EvaluationLayout::kForm10Flattened:
      return "项目支出绩效自评表 (10号, cells run together)";
    case EvaluationLayout::kTransferNoScores:
      return "转移支付绩效目标自评表 (no 分值/得分 columns)";
    case EvaluationLayout::kTransferPercentWeights:
      return "转移支付绩效自评表 (权重 in percent)";
    case EvaluationLayout::kReevaluationStatus:
      return "绩效再评价 status table (已完成/未完成)";
    case EvaluationLayout::kTargetTable:
      return "绩效目标表 (targets only, no 实际完成值)";
    case EvaluationLayout::kDepartmentSelfEvaluation:
      return "部门整体支出绩效自评表";
    case EvaluationLayout::kUnknown:
      break;
  }
  return "unknown layout";
}

EvaluationLayout DetectEvaluationLayout(absl::string_view text) {
  const std::string compact = RemoveWhitespace(text);
  if (absl::StrContains(compact, "部门整体支出绩效自评")) {
    return EvaluationLayout::kDepartmentSelfEvaluation;
  }
  if (HasAll(compact, {"再评价", "指标性质", "指标值", "实际完成值"})) {
    return EvaluationLayout::kReevaluationStatus;
  }
  if (HasAll(compact, {"指标值", "完成值", "权重", "得分"})) {
    return EvaluationLayout::kTransferPercentWeights;
  }
  if (HasAll(compact, {"指标值", "全年实际完成值", "未完成原因"}) &&
      !absl::StrContains(compact, "得分")) {
    return EvaluationLayout::kTransferNoScores;
  }
  if (HasAll(compact, {"年度指标值", "实际完成值", "分值", "得分"})) {
    return HasLineEndingInTwoFigures(text) ? EvaluationLayout::kForm10Lines
                                           : EvaluationLayout::kForm10Flattened;
  }
  if ((absl::StrContains(compact, "目标表") || absl::StrContains(compact, "目标申报表") ||
       absl::StrContains(compact, "评价指标表")) &&
      !absl::StrContains(compact, "实际完成值")) {
    return EvaluationLayout::kTargetTable;
  }
  return EvaluationLayout::kUnknown;
}

}  // namespace jixiao::table_import
