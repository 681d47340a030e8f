#pragma once

#include <string_view>

namespace jixiao::target_value {

// The text of qualitative_words.txt, embedded when the library is built (CMake
// generates the definition from the file): the file stays the one source of the
// vocabulary, and a rebuild after editing it is all a change of words needs.
std::string_view QualitativeWordsText();

}  // namespace jixiao::target_value
