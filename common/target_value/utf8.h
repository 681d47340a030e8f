#pragma once

#include <string>
#include <string_view>

namespace jixiao::target_value {

// The parser reads values code point by code point: a Chinese character is three
// UTF-8 bytes, and byte-wise matching of words like 不少于 or units like 家次 is
// error-prone. Malformed bytes decode to U+FFFD so that a damaged document still
// parses (as qualitative text) instead of failing.
std::u32string DecodeUtf8(std::string_view text);

// The inverse, used to quote parts of a value back in reasons and units.
std::string EncodeUtf8(std::u32string_view text);

}  // namespace jixiao::target_value
