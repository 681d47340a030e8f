#pragma once

// Stable codes of the scorecard. ScoreLine.reason_code says why a line has its
// points; Finding.code says what the engine noticed. Both are documented in
// services/scoring/REASON_CODES.md; a code, once published, keeps its meaning.

#include "absl/strings/string_view.h"

namespace jixiao::scoring::reason {

// Indicator lines.
inline constexpr absl::string_view kMet = "MET";
inline constexpr absl::string_view kPartial = "PARTIAL";
inline constexpr absl::string_view kBelow60 = "BELOW_60";
inline constexpr absl::string_view kAbove60Linear = "ABOVE_60_LINEAR";
inline constexpr absl::string_view kStepBand = "STEP_BAND";
inline constexpr absl::string_view kCurveLinear = "CURVE_LINEAR";
inline constexpr absl::string_view kOverCompletionPenalized = "OVER_COMPLETION_PENALIZED";
inline constexpr absl::string_view kOverCompletionFlagged = "OVER_COMPLETION_FLAGGED";
inline constexpr absl::string_view kReverseMet = "REVERSE_MET";
inline constexpr absl::string_view kReversePartial = "REVERSE_PARTIAL";
inline constexpr absl::string_view kReverseFailed = "REVERSE_FAILED";
inline constexpr absl::string_view kZeroTargetMet = "ZERO_TARGET_MET";
inline constexpr absl::string_view kZeroTargetNotMet = "ZERO_TARGET_NOT_MET";
inline constexpr absl::string_view kNegativeTargetMet = "NEGATIVE_TARGET_MET";
inline constexpr absl::string_view kNegativeTargetNotMet = "NEGATIVE_TARGET_NOT_MET";
inline constexpr absl::string_view kDeadlineMet = "DEADLINE_MET";
inline constexpr absl::string_view kDeadlineMissed = "DEADLINE_MISSED";
inline constexpr absl::string_view kQualitativeAchieved = "QUALITATIVE_ACHIEVED";
inline constexpr absl::string_view kQualitativePartial = "QUALITATIVE_PARTIAL";
inline constexpr absl::string_view kQualitativeNotAchieved = "QUALITATIVE_NOT_ACHIEVED";
inline constexpr absl::string_view kSatisfactionBand = "SATISFACTION_BAND";
inline constexpr absl::string_view kSatisfactionCurve = "SATISFACTION_CURVE";
inline constexpr absl::string_view kMissingActualZeroed = "MISSING_ACTUAL_ZEROED";
inline constexpr absl::string_view kMissingActualDeclared = "MISSING_ACTUAL_DECLARED";
inline constexpr absl::string_view kNotComparableZeroed = "NOT_COMPARABLE_ZEROED";
inline constexpr absl::string_view kNotComparableDeclared = "NOT_COMPARABLE_DECLARED";

// Item lines.
inline constexpr absl::string_view kIndicatorsRecomputed = "INDICATORS_RECOMPUTED";
inline constexpr absl::string_view kDeclaredNotItemized = "DECLARED_NOT_ITEMIZED";
inline constexpr absl::string_view kDeclaredPartiallyItemized = "DECLARED_PARTIALLY_ITEMIZED";
inline constexpr absl::string_view kDeclaredFromKeyTasks = "DECLARED_FROM_KEY_TASKS";
inline constexpr absl::string_view kExecutionLinearCapped = "EXECUTION_LINEAR_CAPPED";
inline constexpr absl::string_view kExecutionStepBand = "EXECUTION_STEP_BAND";
inline constexpr absl::string_view kExecutionCurveLinear = "EXECUTION_CURVE_LINEAR";
inline constexpr absl::string_view kExecutionYearsMean = "EXECUTION_YEARS_MEAN";
inline constexpr absl::string_view kExecutionYearsMin = "EXECUTION_YEARS_MIN";
inline constexpr absl::string_view kSubItemsSum = "SUB_ITEMS_SUM";
inline constexpr absl::string_view kSubItemsMean = "SUB_ITEMS_MEAN";
inline constexpr absl::string_view kSubItemsMin = "SUB_ITEMS_MIN";
inline constexpr absl::string_view kCheckMet = "CHECK_MET";
inline constexpr absl::string_view kCheckNotMet = "CHECK_NOT_MET";
inline constexpr absl::string_view kAbsentMoved = "ABSENT_MOVED";
inline constexpr absl::string_view kAbsentRescaled = "ABSENT_RESCALED";
inline constexpr absl::string_view kAbsentZeroed = "ABSENT_ZEROED";
inline constexpr absl::string_view kSpecialFundsAllMet = "SPECIAL_FUNDS_ALL_MET";
inline constexpr absl::string_view kDeclaredNoInputs = "DECLARED_NO_INPUTS";
inline constexpr absl::string_view kDeclared = "DECLARED";
inline constexpr absl::string_view kDeclaredGroup = "DECLARED_GROUP";
inline constexpr absl::string_view kDeclaredPartial = "DECLARED_PARTIAL";
inline constexpr absl::string_view kMissing = "MISSING";

}  // namespace jixiao::scoring::reason

namespace jixiao::scoring::finding {

inline constexpr absl::string_view kDeclaredAboveRecomputed = "DECLARED_ABOVE_RECOMPUTED";
inline constexpr absl::string_view kDeclaredBelowRecomputed = "DECLARED_BELOW_RECOMPUTED";
inline constexpr absl::string_view kDeclaredSumMismatch = "DECLARED_SUM_MISMATCH";
inline constexpr absl::string_view kDeclaredOutOfRange = "DECLARED_OUT_OF_RANGE";
inline constexpr absl::string_view kDeclaredGradeMismatch = "DECLARED_GRADE_MISMATCH";
inline constexpr absl::string_view kDeclaredWeightDiffers = "DECLARED_WEIGHT_DIFFERS";
inline constexpr absl::string_view kKeyTaskScoresMismatch = "KEY_TASK_SCORES_MISMATCH";
inline constexpr absl::string_view kIndicatorsPartiallyItemized = "INDICATORS_PARTIALLY_ITEMIZED";
inline constexpr absl::string_view kIndicatorNotScored = "INDICATOR_NOT_SCORED";
inline constexpr absl::string_view kMissingActual = "MISSING_ACTUAL";
inline constexpr absl::string_view kNotComparable = "NOT_COMPARABLE";
inline constexpr absl::string_view kStatedCompletionMismatch = "STATED_COMPLETION_MISMATCH";
inline constexpr absl::string_view kOverCompletionPenalized = "OVER_COMPLETION_PENALIZED";
inline constexpr absl::string_view kOverCompletionFlagged = "OVER_COMPLETION_FLAGGED";
inline constexpr absl::string_view kScoreIncomplete = "SCORE_INCOMPLETE";
inline constexpr absl::string_view kScoreOutrunsSpending = "SCORE_OUTRUNS_SPENDING";
inline constexpr absl::string_view kUnknownItemCode = "UNKNOWN_ITEM_CODE";
inline constexpr absl::string_view kRowWeightsDoNotAddUp = "ROW_WEIGHTS_DO_NOT_ADD_UP";
inline constexpr absl::string_view kRowWeightsIncomplete = "ROW_WEIGHTS_INCOMPLETE";
inline constexpr absl::string_view kAbsentItem = "ABSENT_ITEM";

}  // namespace jixiao::scoring::finding
