#pragma once

// The code tables of docs/data-model.md, shared by validation and normalization.

#include "absl/strings/string_view.h"
#include "jixiao/v1/budget.pb.h"

namespace jixiao::validation {

// Standard indicator codes: level 1 "1".."4", level 2 "11".."43".
bool IsKnownLevel1Code(absl::string_view code);
bool IsKnownLevel2Code(absl::string_view code);

// Category codes of a budget breakdown dimension ("basic", "goods_services", …).
bool IsKnownBreakdownCategory(jixiao::v1::BreakdownDimension dimension, absl::string_view category);

}  // namespace jixiao::validation
