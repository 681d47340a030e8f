#pragma once

// ITEM_SOURCE_BUDGET_EXECUTION and ITEM_SOURCE_SPECIAL_FUND_EXECUTION: an
// execution rate (execution_rate.h) turned into points by the item's ExecutionRule.

#include <string>

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of an execution item's line.
namespace reason {
inline constexpr absl::string_view kExecutionLinearCapped = "EXECUTION_LINEAR_CAPPED";
inline constexpr absl::string_view kExecutionStepBand = "EXECUTION_STEP_BAND";
inline constexpr absl::string_view kExecutionCurveLinear = "EXECUTION_CURVE_LINEAR";
inline constexpr absl::string_view kExecutionYearsMean = "EXECUTION_YEARS_MEAN";
inline constexpr absl::string_view kExecutionYearsMin = "EXECUTION_YEARS_MIN";
}  // namespace reason

ItemScore ScoreBudgetExecutionItem(const ScoringContext& context, const v1::SchemeItem& item);
ItemScore ScoreSpecialFundExecutionItem(const ScoringContext& context, const v1::SchemeItem& item);

// The line's sentence for an item scored from its rate (or its years' rates): the
// rate, how the rule reads it, and the points.
void AppendExecutionExplanation(const ItemScore& score, int decimals, std::string& out);

}  // namespace jixiao::scoring
