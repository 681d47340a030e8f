#pragma once

// The files a command reads: paths given on the command line, directories
// expanded to the files they hold (sorted, so output order is stable); and
// the one it writes.

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace jixiao::cli {

// Expands directories (not recursively) to their regular files whose name ends in
// one of `extensions` (".json", ".txt"); a file named directly is taken as it is.
absl::StatusOr<std::vector<std::string>> ExpandInputPaths(
    const std::vector<std::string>& paths, const std::vector<std::string>& extensions);

// The same, but directories are walked recursively (for bulk input kept in
// folders per district or year); entries whose name starts with '.' are
// skipped. Files are sorted by path within each directory given.
absl::StatusOr<std::vector<std::string>> WalkInputPaths(const std::vector<std::string>& paths,
                                                        const std::vector<std::string>& extensions);

absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

// Writes `text` to the file `path` (replacing it), or to standard output when
// `path` is empty.
absl::Status WriteOutput(const std::string& path, const std::string& text);

}  // namespace jixiao::cli
