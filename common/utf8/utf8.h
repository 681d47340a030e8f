#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao::utf8 {

// Text is UTF-8 everywhere in jixiao: the one decoder of it.
//
// The value parser reads code point by code point: a Chinese character is three
// bytes, and byte-wise matching of words like 不少于 or units like 家次 is
// error-prone. Malformed bytes decode to U+FFFD so that a damaged document still
// parses (as qualitative text) instead of failing.
std::u32string DecodeUtf8(std::string_view text);

// The inverse, used to quote parts of a value back in reasons and units.
std::string EncodeUtf8(std::u32string_view text);

// True for well-formed UTF-8 (no overlong forms, no surrogates, nothing past
// U+10FFFF) without NUL: what a PostgreSQL TEXT column accepts and what proto3
// strings promise.
bool IsStorableText(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not split
// a character: log lines and error details are cut, never made invalid.
std::string_view PrefixAtCharBoundary(std::string_view text, size_t max_bytes);

}  // namespace jixiao::utf8
