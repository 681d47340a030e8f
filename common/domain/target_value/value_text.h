#pragma once

#include <string>
#include <string_view>

namespace jixiao::target_value {

// Brings a printed value into the one form every scanner in this folder reads:
//  - full-width ASCII is folded to ASCII (１２３ → 123, ６，０８７．４０ → 6,087.40,
//    ＞ → >, ％ → %, （次） → (次)), because documents mix both widths freely;
//  - the Unicode minus sign becomes '-';
//  - whitespace (ASCII, no-break, ideographic, zero-width) is removed, because
//    documents put spaces anywhere ("增长 5%", "大于 100家", "1257 份"); only a run
//    between two digits is kept, as one ' ', since joining them would make one
//    number out of two.
std::u32string NormalizeValueText(std::string_view text);

bool IsAsciiDigit(char32_t c);

// A character that can continue a word: a Han ideograph or an ASCII letter. A
// number followed by one of these is followed by a unit (or an unknown word).
bool IsWordChar(char32_t c);

bool StartsWith(std::u32string_view text, std::u32string_view prefix);
bool EndsWith(std::u32string_view text, std::u32string_view suffix);
bool Contains(std::u32string_view text, std::u32string_view part);

}  // namespace jixiao::target_value
