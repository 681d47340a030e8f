#pragma once

// Where the offline commands (score, schemes, corpus) read scheme files from:
// --schemes DIR, else $JIXIAO_SCHEMES_DIR (the variable scoring reads), else
// the folder shipped in the source tree.

#include <string>

namespace jixiao::cli {

inline constexpr char kDefaultSchemesDir[] = "services/scoring/schemes";

// `flag_value` is what --schemes gave, empty when it was not given.
std::string SchemesDirectory(const std::string& flag_value);

}  // namespace jixiao::cli
