#include "services/scoring/engine/reason_labels.h"

#include <map>

#include "services/scoring/engine/reason_codes.h"

namespace jixiao::scoring {

absl::string_view ReasonLabel(absl::string_view reason_code) {
  static const auto* const kLabels = new std::map<absl::string_view, absl::string_view>{
      {reason::kMet, "达到目标"},
      {reason::kPartial, "未达目标按完成率计分"},
      {reason::kBelow60, "完成率低于 60% 不得分"},
      {reason::kAbove60Linear, "完成率 60%–100% 按比例计分"},
      {reason::kStepBand, "按档计分"},
      {reason::kOverCompletionPenalized, "超过阈值扣分"},
      {reason::kOverCompletionFlagged, "超过阈值提示"},
      {reason::kReverseMet, "反向指标达标"},
      {reason::kReversePartial, "反向指标超出目标按比例计分"},
      {reason::kReverseFailed, "反向指标超出目标两倍不得分"},
      {reason::kZeroTargetMet, "零目标达到"},
      {reason::kZeroTargetNotMet, "零目标未达到"},
      {reason::kNegativeTargetMet, "负目标达到"},
      {reason::kNegativeTargetNotMet, "负目标未达到"},
      {reason::kDeadlineMet, "按时完成"},
      {reason::kDeadlineMissed, "逾期"},
      {reason::kQualitativeAchieved, "定性达成"},
      {reason::kQualitativePartial, "定性部分达成"},
      {reason::kQualitativeNotAchieved, "定性未达成"},
      {reason::kSatisfactionBand, "满意度按档计分"},
      {reason::kMissingActualZeroed, "缺少实际值计 0 分"},
      {reason::kMissingActualDeclared, "缺少实际值按申报计"},
      {reason::kNotComparableZeroed, "无法比较计 0 分"},
      {reason::kNotComparableDeclared, "无法比较按申报计"},
  };
  const auto it = kLabels->find(reason_code);
  return it == kLabels->end() ? reason_code : it->second;
}

}  // namespace jixiao::scoring
