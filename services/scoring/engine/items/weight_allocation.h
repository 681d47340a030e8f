#pragma once

// Shares an item's max among its indicators. Each indicator's stated weight is
// scaled so that the weights sum to the item's max; with no weights stated,
// the shares are equal. Shares are whole units of the rounding step (0.01),
// handed out by largest remainder, so that they add up to the max exactly and
// rounded lines can never sum above it (10 over 11 indicators: ten of 0.91 and
// one of 0.90, not eleven of 0.91 = 10.01).

#include <optional>
#include <vector>

namespace jixiao::scoring {

// `stated`: one entry per indicator, nullopt where the report states no weight
// (those take the mean of the stated ones). Non-positive totals fall back to
// equal shares.
std::vector<double> AllocateWeights(const std::vector<std::optional<double>>& stated, double max,
                                    int decimals);

}  // namespace jixiao::scoring
