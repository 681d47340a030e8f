#pragma once

// ITEM_SOURCE_BUDGET_EXECUTION and ITEM_SOURCE_SPECIAL_FUND_EXECUTION: an
// execution rate (execution_rate.h) turned into points by the item's ExecutionRule.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

ItemScore ScoreBudgetExecutionItem(const ScoringContext& context, const v1::SchemeItem& item);
ItemScore ScoreSpecialFundExecutionItem(const ScoringContext& context, const v1::SchemeItem& item);

}  // namespace jixiao::scoring
