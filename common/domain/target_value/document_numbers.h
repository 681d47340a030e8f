#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/domain/target_value/numbers.h"

namespace jixiao::target_value {

// An official document number such as "穗财商[2023]64号" or "穗府办〔2022〕7号": the
// bracketed year and the serial number before 号 name a document. Values cite such
// documents ("按穗财商[2023]64号文执行"), and their numbers must never be read as the
// target.
struct DocumentNumberMatch {
  size_t begin = 0;  // First code point of the word before the bracket (the issuer).
  size_t end = 0;    // Just past 号.
};

// The document number whose bracketed year is number token `index`, if there is
// one; it spans tokens `index` and `index + 1`.
std::optional<DocumentNumberMatch> MatchDocumentNumber(std::u32string_view text,
                                                       const std::vector<NumberToken>& tokens,
                                                       size_t index);

}  // namespace jixiao::target_value
