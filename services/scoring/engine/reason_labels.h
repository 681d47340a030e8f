#pragma once

// Short Chinese labels of indicator reason codes, for an item's summary
// sentence ("8 项达到目标，2 项超过阈值扣分，1 项未达目标").

#include "absl/strings/string_view.h"

namespace jixiao::scoring {

// The code itself for a code without a label.
absl::string_view ReasonLabel(absl::string_view reason_code);

}  // namespace jixiao::scoring
