#pragma once

#include <string_view>

#include "jixiao/v1/value.pb.h"

namespace jixiao::target_value {

// Parses a target (年度指标值) or actual value (实际完成值) as printed in a department's
// documents. Never fails: text it cannot read as exactly one typed value comes back
// QUALITATIVE with a reason; "无", a dash or blank text comes back ABSENT.
//
// Reads, on UTF-8 text with full-width characters and spaces anywhere:
//  - one number with an optional comparator before it (≥ > 不少于 超 约 …) or after
//    its unit (以上 以内 左右 …), multiplier (万 亿) and unit: "超1亿元" → GT 1e8 元;
//    descriptive words around the single number are allowed ("引进广州首店20家");
//  - growth: "增长 5%" → EQ 5 % growth, "下降 3%" → EQ -3 % growth,
//    "与上年持平" → GE 0 % growth;
//  - deadlines: "2024年3月底前" → DEADLINE LE 2024-03-31;
//  - magnitude: the power of ten of the printed multiplier ("90万元" → 900000 元,
//    magnitude 4), so that a bare actual can be read in its target's terms;
//  - units: 百分比 as %, rates as one unit ("780元/生/年" → 元/生/年);
//  - the judgement of a QUALITATIVE value whose whole text the vocabulary knows
//    (qualitative_words.txt): "达成预期指标" → ACHIEVED, "未完成" → NOT_ACHIEVED.
// Every value carries kParserVersion (parser_version.h).
// Text with no number, or with several numbers that are not one date, is QUALITATIVE:
// the parser never picks one of several numbers, and never guesses a missing year.
jixiao::v1::ParsedValue ParseValue(std::string_view text);

}  // namespace jixiao::target_value
