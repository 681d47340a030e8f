#pragma once

// ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE: 专项资金绩效完成情况. The funds'
// indicators when the report lists them; else full marks recomputed from the
// stated fact that all of them were met; else as declared.

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason code (REASON_CODES.md) of a special-fund item stated all met.
namespace reason {
inline constexpr absl::string_view kSpecialFundsAllMet = "SPECIAL_FUNDS_ALL_MET";
}  // namespace reason

ItemScore ScoreSpecialFundPerformanceItem(const ScoringContext& context,
                                          const v1::SchemeItem& item);

}  // namespace jixiao::scoring
