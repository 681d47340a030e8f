#include "common/domain/target_value/value_text.h"

#include "common/utf8/utf8.h"

namespace jixiao::target_value {
namespace {

bool IsWhitespace(char32_t c) {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case 0x00A0:  // no-break space
    case 0x3000:  // ideographic space
    case 0x200B:  // zero-width space
    case 0xFEFF:  // byte order mark / zero-width no-break space
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;  // en quad … hair space
  }
}

char32_t FoldWidth(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII block
  if (c == 0x2212) return U'-';                       // minus sign
  if (c == 0xFE6A) return U'%';                       // small percent sign
  if (c == 0xFE64) return U'<';                       // small less-than sign
  if (c == 0xFE65) return U'>';                       // small greater-than sign
  if (c == 0xFE66) return U'=';                       // small equals sign
  return c;
}

}  // namespace

std::u32string NormalizeValueText(std::string_view text) {
  std::u32string out;
  bool skipped_space = false;
  for (char32_t c : utf8::DecodeUtf8(text)) {
    if (IsWhitespace(c)) {
      skipped_space = true;
      continue;
    }
    c = FoldWidth(c);
    // Digits on both sides of a space are two numbers ("50 5个"), not 505.
    if (skipped_space && IsAsciiDigit(c) && !out.empty() && IsAsciiDigit(out.back())) {
      out.push_back(U' ');
    }
    skipped_space = false;
    out.push_back(c);
  }
  return out;
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool IsWordChar(char32_t c) {
  const bool ascii_letter = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  const bool han = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
                   (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
  return ascii_letter || han;
}

bool StartsWith(std::u32string_view text, std::u32string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::u32string_view text, std::u32string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool Contains(std::u32string_view text, std::u32string_view part) {
  return text.find(part) != std::u32string_view::npos;
}

}  // namespace jixiao::target_value
