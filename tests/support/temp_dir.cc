#include "tests/support/temp_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jixiao::testing {

absl::StatusOr<std::unique_ptr<TempDir>> TempDir::Create(absl::string_view prefix,
                                                         absl::string_view base) {
  std::string root(base);
  if (root.empty()) {
    const char* tmpdir = std::getenv("TMPDIR");
    root = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  }
  std::string pattern = absl::StrCat(root, "/", prefix, ".XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("mkdtemp ", pattern, ": ", std::strerror(errno)));
  }
  return std::unique_ptr<TempDir>(new TempDir(std::move(pattern)));
}

TempDir::~TempDir() {
  std::error_code ignored;  // nothing useful to do about it in a destructor
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::File(absl::string_view name) const { return absl::StrCat(path_, "/", name); }

}  // namespace jixiao::testing
