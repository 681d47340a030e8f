#include "common/domain/target_value/numbers.h"

#include <charconv>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/domain/target_value/value_text.h"

namespace jixiao::target_value {
namespace {

struct Multiplier {
  std::u32string_view text;
  int exponent;
};

// Longest first, so that 万亿 is not read as 万 followed by 亿.
constexpr Multiplier kMultipliers[] = {
    {U"万亿", 12}, {U"千万", 7}, {U"百万", 6}, {U"亿", 8}, {U"万", 4},
};

size_t SkipDigits(std::u32string_view text, size_t pos, std::string* literal) {
  while (pos < text.size() && IsAsciiDigit(text[pos])) {
    literal->push_back(static_cast<char>(text[pos]));
    ++pos;
  }
  return pos;
}

// True if `text[pos]` is a comma followed by a group of exactly three digits.
bool IsThousandsSeparator(std::u32string_view text, size_t pos) {
  if (pos + 3 >= text.size() || text[pos] != U',') return false;
  for (size_t i = 1; i <= 3; ++i) {
    if (!IsAsciiDigit(text[pos + i])) return false;
  }
  return pos + 4 >= text.size() || !IsAsciiDigit(text[pos + 4]);
}

// True if the character before the digits at `digit_pos` is a sign and not a dash.
bool HasSign(std::u32string_view text, size_t digit_pos) {
  if (digit_pos == 0) return false;
  const char32_t mark = text[digit_pos - 1];
  if (mark != U'-' && mark != U'+') return false;
  return digit_pos == 1 || !IsAsciiDigit(text[digit_pos - 2]);
}

struct Scanned {
  NumberToken token;
  std::string literal;  // ASCII digits, '-' and '.', ready for from_chars.
};

// Reads the integer part, thousands groups and fraction of the digits at `pos`, and
// returns the position just past them.
size_t ScanDigits(std::u32string_view text, size_t pos, Scanned* out) {
  const size_t first = pos;
  pos = SkipDigits(text, pos, &out->literal);
  bool plain = true;
  if (pos - first <= 3) {
    while (IsThousandsSeparator(text, pos)) {
      pos = SkipDigits(text, pos + 1, &out->literal);
      plain = false;
    }
  }
  if (pos + 1 < text.size() && text[pos] == U'.' && IsAsciiDigit(text[pos + 1])) {
    out->literal.push_back('.');
    pos = SkipDigits(text, pos + 1, &out->literal);
    plain = false;
  }
  out->token.plain_integer = plain;
  return pos;
}

int ScanMultiplier(std::u32string_view text, size_t* pos) {
  for (const Multiplier& m : kMultipliers) {
    if (StartsWith(text.substr(*pos), m.text)) {
      *pos += m.text.size();
      return m.exponent;
    }
  }
  return 0;
}

NumberToken ScanOne(std::u32string_view text, size_t digit_pos) {
  Scanned scanned;
  NumberToken& token = scanned.token;
  const bool sign = HasSign(text, digit_pos);
  token.begin = sign ? digit_pos - 1 : digit_pos;
  if (sign && text[digit_pos - 1] == U'-') scanned.literal.push_back('-');
  token.digits_end = ScanDigits(text, digit_pos, &scanned);
  token.end = token.digits_end;
  const int exponent = ScanMultiplier(text, &token.end);
  token.magnitude = exponent;
  token.plain_integer = token.plain_integer && !sign && exponent == 0;
  // Scaling by a power of ten inside the decimal literal keeps 1.1万亿 exact.
  const std::string literal = absl::StrCat(scanned.literal, "e", exponent);
  std::from_chars(literal.data(), literal.data() + literal.size(), token.value);
  if (token.value == 0) token.value = 0;  // "-0" reads as 0.
  return token;
}

}  // namespace

std::vector<NumberToken> ScanNumbers(std::u32string_view text) {
  std::vector<NumberToken> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsAsciiDigit(text[pos])) {
      ++pos;
      continue;
    }
    tokens.push_back(ScanOne(text, pos));
    pos = tokens.back().end;
  }
  return tokens;
}

}  // namespace jixiao::target_value
