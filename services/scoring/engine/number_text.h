#pragma once

// Figures as the explanations print them: no trailing zeros, no exponent.

#include <cstdint>
#include <string>

namespace jixiao::scoring {

// 740 → "740", 72.52 → "72.52", 0.909 → "0.91" (at most `decimals` decimals).
std::string FormatNumber(double value, int decimals = 2);

// 72.52 → "72.52%".
std::string FormatPercent(double percent);

// A share 0..1 as a percentage: 0.5 → "50%".
std::string FormatShare(double fraction);

// 分 as 万元: 602050000 → "602.05万元".
std::string FormatWanYuan(int64_t fen);

}  // namespace jixiao::scoring
