#include "services/scoring/scheme/scheme_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::scoring {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read failed"));
  return bytes.str();
}

absl::StatusOr<PublishedLock> ReadLock(const std::string& dir) {
  const std::string path = (fs::path(dir) / std::string(kPublishedLockFileName)).string();
  std::error_code error;
  if (!fs::exists(path, error)) {
    PublishedLock empty;
    empty.file_name = path;
    return empty;
  }
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParsePublishedLock(path, *text);
}

absl::StatusOr<std::vector<std::string>> ListSchemeFiles(const std::string& dir) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": cannot list scheme directory: ", error.message()));
  }
  std::vector<std::string> paths;
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(error) && absl::EndsWith(name, kSchemeFileExtension)) {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

absl::StatusOr<SchemeFile> LoadSchemeFile(const std::string& path, const PublishedLock& lock) {
  absl::StatusOr<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<SchemeFile> file = ParseSchemeFile(path, *bytes);
  if (!file.ok()) return file.status();
  if (absl::Status locked = CheckAgainstLock(lock, *file); !locked.ok()) return locked;
  return file;
}

absl::StatusOr<SchemeDirectory> LoadSchemeDirectory(const std::string& dir) {
  absl::StatusOr<PublishedLock> lock = ReadLock(dir);
  if (!lock.ok()) return lock.status();
  absl::StatusOr<std::vector<std::string>> paths = ListSchemeFiles(dir);
  if (!paths.ok()) return paths.status();

  SchemeDirectory result;
  for (const std::string& path : *paths) {
    absl::StatusOr<SchemeFile> file = LoadSchemeFile(path, *lock);
    if (!file.ok()) {
      result.refused.push_back(file.status());
      continue;
    }
    if (absl::Status added = result.schemes.Add(*std::move(file)); !added.ok()) {
      result.refused.push_back(added);
    }
  }
  return result;
}

}  // namespace jixiao::scoring
