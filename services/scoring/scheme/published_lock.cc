#include "services/scoring/scheme/published_lock.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace jixiao::scoring {
namespace {

bool IsSha256Hex(absl::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

absl::string_view WithoutComment(absl::string_view line) {
  const size_t hash = line.find('#');
  return absl::StripAsciiWhitespace(hash == absl::string_view::npos ? line : line.substr(0, hash));
}

}  // namespace

absl::StatusOr<PublishedLock> ParsePublishedLock(absl::string_view file_name,
                                                 absl::string_view text) {
  PublishedLock lock;
  lock.file_name = std::string(file_name);
  int line_number = 0;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_number;
    const absl::string_view line = WithoutComment(raw);
    if (line.empty()) continue;
    const std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    const auto refuse = [&](absl::string_view reason) {
      return absl::InvalidArgumentError(absl::StrCat(file_name, ":", line_number, ": ", reason));
    };
    int version = 0;
    if (fields.size() != 3 || !absl::SimpleAtoi(fields[1], &version) || version <= 0) {
      return refuse("expected \"<id> <version> <sha256>\"");
    }
    const std::string hash = absl::AsciiStrToLower(fields[2]);
    if (!IsSha256Hex(hash)) return refuse("the hash must be 64 hex digits");
    const auto [it, inserted] = lock.entries.emplace(
        std::make_pair(std::string(fields[0]), version), PublishedEntry{hash, line_number});
    if (!inserted) {
      return refuse(
          absl::StrCat(fields[0], " v", version, " is already listed on line ", it->second.line));
    }
  }
  return lock;
}

absl::Status CheckAgainstLock(const PublishedLock& lock, const SchemeFile& file) {
  const v1::Scheme& scheme = file.scheme;
  const auto it = lock.entries.find({scheme.id(), scheme.version()});
  if (it == lock.entries.end() || it->second.sha256 == scheme.content_hash()) {
    return absl::OkStatus();
  }
  return absl::FailedPreconditionError(
      absl::StrCat(file.file_name, ":", file.version_line, ": ", scheme.id(), " v",
                   scheme.version(), " changed without a new version: its SHA-256 is ",
                   scheme.content_hash(), " but ", lock.file_name, ":", it->second.line,
                   " publishes ", it->second.sha256, "; give the changed rules a new version"));
}

std::string LockLine(const SchemeFile& file) {
  return absl::StrCat(file.scheme.id(), " ", file.scheme.version(), " ",
                      file.scheme.content_hash());
}

}  // namespace jixiao::scoring
