#pragma once

// Exact money arithmetic. Reports print amounts in 元, 万元 or 亿元 with a few
// decimals; jixiao keeps every amount as an integer number of 分 so that sums and
// comparisons are exact.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::money {

// The unit a printed amount is expressed in.
enum class AmountUnit { kYuan, kWanYuan, kYiYuan };

inline constexpr int64_t kFenPerYuan = 100;
inline constexpr int64_t kFenPerWanYuan = 1'000'000;
inline constexpr int64_t kFenPerYiYuan = 10'000'000'000;

// Parses a printed decimal amount ("6,087.40", "3924.185582", "-14.91") in `unit`
// into 分. Thousands separators are accepted. Fails when the text is not a
// decimal number or when it has more decimals than a whole number of 分 allows.
absl::StatusOr<int64_t> ParseAmountFen(absl::string_view text, AmountUnit unit);

// Formats 分 as 万元 with two decimals, e.g. 6087400000 → "6087.40"; amounts that
// need more decimals keep them ("3924.185582").
std::string FormatWanYuan(int64_t fen);

}  // namespace jixiao::money
