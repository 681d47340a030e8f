#pragma once

// A fresh temporary directory that is deleted, with everything in it, when the
// object is destroyed, so that a failing test leaves nothing behind.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::testing {

class TempDir {
 public:
  // Creates "<base>/<prefix>.XXXXXX" (mode 0700). An empty base means $TMPDIR,
  // else /tmp.
  static absl::StatusOr<std::unique_ptr<TempDir>> Create(absl::string_view prefix,
                                                         absl::string_view base = "");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(absl::string_view name) const;

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  const std::string path_;
};

}  // namespace jixiao::testing
