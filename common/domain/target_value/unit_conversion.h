#pragma once

#include <optional>
#include <string_view>

namespace jixiao::target_value {

// How many `to` one `from` is, for two normalized units (ParsedValue.unit) that
// measure the same thing: 公里 → 米 is 1000, 千克 → 吨 is 0.001, ‰ → % is 0.1; 1 for
// the same unit. nullopt when they measure different things (家 and 人, 元 and 元/人):
// such values are not comparable, and no ratio is made of them.
std::optional<double> UnitConversionFactor(std::string_view from, std::string_view to);

}  // namespace jixiao::target_value
