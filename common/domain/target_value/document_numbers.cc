#include "common/domain/target_value/document_numbers.h"

#include "common/domain/target_value/value_text.h"

namespace jixiao::target_value {
namespace {

// Brackets around the year; full-width ［］ and （） arrive folded to ASCII.
constexpr std::u32string_view kOpening = U"[〔【(〖";
constexpr std::u32string_view kClosing = U"]〕】)〗";

bool IsOneOf(std::u32string_view set, char32_t c) {
  return set.find(c) != std::u32string_view::npos;
}

// The start of the issuer's abbreviation that ends just before `bracket`.
size_t IssuerBegin(std::u32string_view text, size_t bracket) {
  size_t begin = bracket;
  while (begin > 0 && IsWordChar(text[begin - 1])) --begin;
  return begin;
}

}  // namespace

std::optional<DocumentNumberMatch> MatchDocumentNumber(std::u32string_view text,
                                                       const std::vector<NumberToken>& tokens,
                                                       size_t index) {
  if (index + 1 >= tokens.size()) return std::nullopt;
  const NumberToken& year = tokens[index];
  const NumberToken& serial = tokens[index + 1];
  if (!year.plain_integer || year.digit_span() != 4 || year.begin == 0) return std::nullopt;
  if (!IsOneOf(kOpening, text[year.begin - 1])) return std::nullopt;
  if (year.end >= text.size() || !IsOneOf(kClosing, text[year.end])) return std::nullopt;
  if (serial.begin != year.end + 1 || !serial.plain_integer) return std::nullopt;
  if (serial.end >= text.size() || text[serial.end] != U'号') return std::nullopt;
  return DocumentNumberMatch{IssuerBegin(text, year.begin - 1), serial.end + 1};
}

}  // namespace jixiao::target_value
