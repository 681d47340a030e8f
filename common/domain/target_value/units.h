#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao::target_value {

// A unit printed right after a number (and its 万/亿 multiplier), normalized.
struct UnitMatch {
  std::string unit;   // Normalized, UTF-8: 家（次） → 家次, 个工作日 → 工作日.
  size_t length = 0;  // Code points it spans in the text.
  bool is_duration = false;  // A span of time: a following 内 means "within" (LE).
};

// The unit that `after` (the text just after a number) starts with; the longest
// known unit wins (家次 over 家, 个工作日 over 个). 个 in front of 工作日, 月, 小时 and
// 百分点 is a measure word, not the unit: "7个工作日" is 7 工作日.
//
// 万/亿 are multipliers read with the number, so 万元, 亿元 and 万人次 arrive here as
// 元 and 人次 on an already-scaled number. 月 and 年 right after a number are dates
// (handled before units are looked at), so only 个月 and 年 as a duration appear here.
//
// A rate is one unit: a unit followed by '/' and what it is counted per ("元/生/年",
// "元/人"; "万元/人" arrives as 元/人 on a scaled number). "百分比" is read as %.
std::optional<UnitMatch> MatchUnit(std::u32string_view after);

}  // namespace jixiao::target_value
