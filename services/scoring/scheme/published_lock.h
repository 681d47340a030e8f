#pragma once

// published.lock: the SHA-256 of every published (id, version). A published rule
// set is immutable: scores computed under it must stay reproducible, so a change
// to its file needs a new version. A scheme whose (id, version) is not in the lock
// is a user's new scheme and loads freely.
//
// Format, one scheme a line, '#' starts a comment, blank lines are ignored:
//
//   # id                  version  sha256 of the file's bytes
//   guangzhou-department  1        3f1c…(64 hex digits)

#include <map>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/scoring/scheme/scheme_parser.h"

namespace jixiao::scoring {

struct PublishedEntry {
  std::string sha256;
  int line = 0;  // 1-based line in the lock file
};

struct PublishedLock {
  std::string file_name;
  std::map<std::pair<std::string, int>, PublishedEntry> entries;  // key: (id, version)
};

// Refuses a malformed line, a repeated (id, version) and a hash that is not 64
// hex digits, as "file:line: reason".
absl::StatusOr<PublishedLock> ParsePublishedLock(absl::string_view file_name,
                                                 absl::string_view text);

// OK when the scheme is not published or its hash matches the lock; else
// FailedPrecondition "file:line: <id> v<version> changed without a new version …".
absl::Status CheckAgainstLock(const PublishedLock& lock, const SchemeFile& file);

// One line of the lock for `file`, for a publishing step: "<id> <version> <sha256>".
std::string LockLine(const SchemeFile& file);

}  // namespace jixiao::scoring
