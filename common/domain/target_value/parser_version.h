#pragma once

namespace jixiao::target_value {

// The version of ParseValue's readings, stored in every ParsedValue it returns
// (ParsedValue.parser_version). A stored value from an older parser is parsed again
// from its text, so that a report ingested before a reading was added is scored
// with it. Raise it whenever a text that parsed before parses differently.
//
// 2: magnitudes (万 亿 …), 百分比 as %, rates ("元/生/年"), => and =<, and the
//    judgement of qualitative words (qualitative_words.txt).
inline constexpr int kParserVersion = 2;

}  // namespace jixiao::target_value
