#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace jixiao::target_value {

// One number written in Arabic digits in a normalized value text, e.g. "6,087.40万",
// "-3", "2024". Positions index the normalized text (code points).
//
// Only Arabic digits are numbers: Chinese numerals in these documents are nearly
// always part of words (一是, 一年, 四上企业), so reading them would invent numbers.
struct NumberToken {
  size_t begin = 0;       // First code point: the sign if there is one, else the first digit.
  size_t digits_end = 0;  // Just past the last digit.
  size_t end = 0;         // Just past the 万/亿 multiplier, or digits_end if there is none.
  double value = 0;       // Sign and multiplier applied: "6,087.40万" → 60874000.
  // The power of ten of the printed multiplier (万 4, 亿 8, 万亿 12, 百万 6, 千万 7;
  // none 0): a bare actual is read in its target's printed magnitude.
  int magnitude = 0;
  // Digits only: no sign, thousands separator, decimal point or multiplier. Only such
  // numbers can be parts of dates or document numbers.
  bool plain_integer = false;

  size_t digit_span() const { return digits_end - begin; }
};

// Every number in `text`, left to right. Thousands separators (',' followed by
// exactly three digits) and decimal points are read as part of the number; a comma
// that does not separate thousands ends it ("40,30" is two numbers). A '-' or '+'
// is a sign only where it cannot be a range dash, i.e. not right after a digit
// ("3-5家" is two numbers). Multipliers 万 亿 万亿 百万 千万 scale the value; the
// scaling is applied in decimal so that "1.1万亿" is exactly 1100000000000.
std::vector<NumberToken> ScanNumbers(std::u32string_view text);

}  // namespace jixiao::target_value
