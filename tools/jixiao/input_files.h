#pragma once

// The files a command reads: paths given on the command line, directories
// expanded to the files they hold (sorted, so output order is stable).

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace jixiao::cli {

// Expands directories (not recursively) to their regular files whose name ends in
// one of `extensions` (".json", ".txt"); a file named directly is taken as it is.
absl::StatusOr<std::vector<std::string>> ExpandInputPaths(
    const std::vector<std::string>& paths, const std::vector<std::string>& extensions);

absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace jixiao::cli
