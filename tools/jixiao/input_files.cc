#include "tools/jixiao/input_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::cli {

absl::StatusOr<std::vector<std::string>> ExpandInputPaths(
    const std::vector<std::string>& paths, const std::vector<std::string>& extensions) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, error)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().string();
        if (std::any_of(extensions.begin(), extensions.end(),
                        [&](const std::string& ext) { return absl::EndsWith(name, ext); })) {
          found.push_back(name);
        }
      }
      if (error) return absl::NotFoundError(absl::StrCat(path, ": ", error.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
    }
  }
  return files;
}

absl::StatusOr<std::vector<std::string>> WalkInputPaths(
    const std::vector<std::string>& paths, const std::vector<std::string>& extensions) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      if (!fs::is_regular_file(path, error)) {
        return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
      }
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, error), end;
    for (; !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (absl::StartsWith(name, ".")) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(error)) continue;
      if (std::any_of(extensions.begin(), extensions.end(),
                      [&](const std::string& ext) { return absl::EndsWith(name, ext); })) {
        found.push_back(it->path().string());
      }
    }
    if (error) return absl::NotFoundError(absl::StrCat(path, ": ", error.message()));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

absl::Status WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::cout << text;
    return std::cout.flush() ? absl::OkStatus() : absl::UnavailableError("cannot write output");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return out.flush() ? absl::OkStatus() : absl::UnavailableError("cannot write " + path);
}

}  // namespace jixiao::cli
