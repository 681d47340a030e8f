#pragma once

// The reason codes of indicator lines (REASON_CODES.md), each with the label an item's
// summary counts it under ("8 项达到目标，2 项超过阈值扣分"). ScoreIndicator
// (indicator_scoring.h) decides them; AppendVerdictDetail (indicator_explanation.h) words them.

#include "absl/strings/string_view.h"

namespace jixiao::scoring {

struct IndicatorReason {
  absl::string_view code;
  // The summary's label; the code itself where none is published.
  absl::string_view label;
};

namespace reason {

inline constexpr IndicatorReason kMet{"MET", "达到目标"};
inline constexpr IndicatorReason kPartial{"PARTIAL", "未达目标按完成率计分"};
inline constexpr IndicatorReason kBelow60{"BELOW_60", "完成率低于 60% 不得分"};
inline constexpr IndicatorReason kAbove60Linear{"ABOVE_60_LINEAR", "完成率 60%–100% 按比例计分"};
inline constexpr IndicatorReason kStepBand{"STEP_BAND", "按档计分"};
inline constexpr IndicatorReason kCurveLinear{"CURVE_LINEAR", "CURVE_LINEAR"};
inline constexpr IndicatorReason kOverCompletionPenalized{"OVER_COMPLETION_PENALIZED",
                                                          "超过阈值扣分"};
inline constexpr IndicatorReason kOverCompletionFlagged{"OVER_COMPLETION_FLAGGED", "超过阈值提示"};
inline constexpr IndicatorReason kReverseMet{"REVERSE_MET", "反向指标达标"};
inline constexpr IndicatorReason kReversePartial{"REVERSE_PARTIAL", "反向指标超出目标按比例计分"};
inline constexpr IndicatorReason kReverseFailed{"REVERSE_FAILED", "反向指标超出目标两倍不得分"};
inline constexpr IndicatorReason kZeroTargetMet{"ZERO_TARGET_MET", "零目标达到"};
inline constexpr IndicatorReason kZeroTargetNotMet{"ZERO_TARGET_NOT_MET", "零目标未达到"};
inline constexpr IndicatorReason kNegativeTargetMet{"NEGATIVE_TARGET_MET", "负目标达到"};
inline constexpr IndicatorReason kNegativeTargetNotMet{"NEGATIVE_TARGET_NOT_MET", "负目标未达到"};
inline constexpr IndicatorReason kDeadlineMet{"DEADLINE_MET", "按时完成"};
inline constexpr IndicatorReason kDeadlineMissed{"DEADLINE_MISSED", "逾期"};
inline constexpr IndicatorReason kQualitativeAchieved{"QUALITATIVE_ACHIEVED", "定性达成"};
inline constexpr IndicatorReason kQualitativePartial{"QUALITATIVE_PARTIAL", "定性部分达成"};
inline constexpr IndicatorReason kQualitativeNotAchieved{"QUALITATIVE_NOT_ACHIEVED", "定性未达成"};
inline constexpr IndicatorReason kSatisfactionBand{"SATISFACTION_BAND", "满意度按档计分"};
inline constexpr IndicatorReason kSatisfactionCurve{"SATISFACTION_CURVE", "SATISFACTION_CURVE"};
inline constexpr IndicatorReason kMissingActualZeroed{"MISSING_ACTUAL_ZEROED", "缺少实际值计 0 分"};
inline constexpr IndicatorReason kMissingActualDeclared{"MISSING_ACTUAL_DECLARED",
                                                        "缺少实际值按申报计"};
inline constexpr IndicatorReason kNotComparableZeroed{"NOT_COMPARABLE_ZEROED", "无法比较计 0 分"};
inline constexpr IndicatorReason kNotComparableDeclared{"NOT_COMPARABLE_DECLARED",
                                                        "无法比较按申报计"};

}  // namespace reason
}  // namespace jixiao::scoring
