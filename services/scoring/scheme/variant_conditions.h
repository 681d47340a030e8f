#pragma once

// The conditions a scheme variant may name in `when`. They are a closed list:
// a scheme file naming any other condition is refused at load, so that a typo
// cannot make a variant silently never apply.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jixiao::scoring {

// The report lists no special fund (专项资金) and assesses no special-fund item.
inline constexpr absl::string_view kNoSpecialFunds = "no_special_funds";
// The report has an indicator of level 1 "4" (成本, 财预〔2021〕101号).
inline constexpr absl::string_view kHasCostIndicator = "has_cost_indicator";

bool IsKnownVariantCondition(absl::string_view condition);

// "no_special_funds, has_cost_indicator", for error messages.
std::string KnownVariantConditionList();

}  // namespace jixiao::scoring
