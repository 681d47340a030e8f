#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace jixiao::target_value {

// Targets are often a change against last year rather than a level: "增长 5%",
// "下降 3%", "与上年持平". Such a value must be marked as growth, or it would be
// compared with the level the department actually reached.

enum class GrowthDirection { kUp, kDown };

struct GrowthMatch {
  GrowthDirection direction = GrowthDirection::kUp;
  size_t length = 0;  // Code points, including linking words such as 为 or 达到.
};

// The growth word that `before` (the text before a number and its comparator) ends
// with: 增长 增幅 增速 增长率 同比增长 (up), 下降 降幅 同比下降 (down), optionally
// followed by a linking word ("增长率为5%"). Words such as 增加 or 提高 are not growth
// words: "增加10家" adds ten firms, it is not a rate.
std::optional<GrowthMatch> MatchGrowthWordBefore(std::u32string_view before);

// True if `text` says the value stays at last year's level: 与上年持平, 与去年持平,
// 较上年度持平, 与2023年持平, 同比持平. A bare 持平 is not enough: 收支持平 means a
// balanced budget, not zero growth.
bool SaysSameAsLastYear(std::u32string_view text);

}  // namespace jixiao::target_value
