#include "common/utf8/utf8.h"

#include <cstddef>
#include <cstdint>

namespace jixiao::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// How many bytes a sequence starting with `lead` has, 0 if `lead` cannot start one.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The smallest code point each sequence length may encode; anything below is an
// overlong encoding and is rejected.
char32_t MinimumForLength(size_t length) {
  switch (length) {
    case 2:
      return 0x80;
    case 3:
      return 0x800;
    case 4:
      return 0x10000;
    default:
      return 0;
  }
}

// Decodes the sequence at `text[pos]`, or returns false if it is malformed.
bool DecodeOne(std::string_view text, size_t pos, size_t length, char32_t* out) {
  if (pos + length > text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[pos]);
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!IsContinuation(byte)) return false;
    code = (code << 6) | (byte & 0x3F);
  }
  if (code < MinimumForLength(length) || code > 0x10FFFF) return false;
  if (code >= 0xD800 && code <= 0xDFFF) return false;
  *out = code;
  return true;
}

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t length = SequenceLength(static_cast<unsigned char>(text[pos]));
    char32_t code = kReplacement;
    if (length != 0 && DecodeOne(text, pos, length, &code)) {
      pos += length;
    } else {
      code = kReplacement;
      ++pos;
    }
    out.push_back(code);
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t code : text) {
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = kReplacement;
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }
  return out;
}

bool IsStorableText(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\0') return false;
    const size_t length = SequenceLength(static_cast<unsigned char>(text[pos]));
    char32_t code = 0;
    if (length == 0 || !DecodeOne(text, pos, length, &code)) return false;
    pos += length;
  }
  return true;
}

std::string_view PrefixAtCharBoundary(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Back off continuation bytes (10xxxxxx) to the start of a character.
  while (end > 0 && IsContinuation(static_cast<unsigned char>(text[end]))) --end;
  return text.substr(0, end);
}

}  // namespace jixiao::utf8
