#pragma once

// Reads scheme files from disk: the only file I/O of the scoring engine. A
// directory is read once at start; a user adds a rule set by dropping a
// `*.textproto` file into it (see services/scoring/schemes/README.md).

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/scoring/scheme/published_lock.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "services/scoring/scheme/scheme_set.h"

namespace jixiao::scoring {

inline constexpr absl::string_view kPublishedLockFileName = "published.lock";
inline constexpr absl::string_view kSchemeFileExtension = ".textproto";

struct SchemeDirectory {
  SchemeSet schemes;
  // One status per refused file ("file:line: reason"); the other files load.
  std::vector<absl::Status> refused;
};

// Reads and checks one scheme file: syntax, validation, and the lock.
absl::StatusOr<SchemeFile> LoadSchemeFile(const std::string& path, const PublishedLock& lock);

// Reads `<dir>/published.lock` (absent: nothing is published) and every
// `*.textproto` of `dir` in name order. Fails only when the directory or the lock
// cannot be read or the lock is malformed; a bad scheme file is refused alone.
absl::StatusOr<SchemeDirectory> LoadSchemeDirectory(const std::string& dir);

}  // namespace jixiao::scoring
