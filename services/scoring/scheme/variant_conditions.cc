#include "services/scoring/scheme/variant_conditions.h"

#include <array>

#include "absl/strings/str_join.h"

namespace jixiao::scoring {
namespace {

constexpr std::array<absl::string_view, 2> kConditions = {kNoSpecialFunds, kHasCostIndicator};

}  // namespace

bool IsKnownVariantCondition(absl::string_view condition) {
  for (absl::string_view known : kConditions) {
    if (known == condition) return true;
  }
  return false;
}

std::string KnownVariantConditionList() { return absl::StrJoin(kConditions, ", "); }

}  // namespace jixiao::scoring
