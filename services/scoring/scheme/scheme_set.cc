#include "services/scoring/scheme/scheme_set.h"

#include "absl/strings/str_cat.h"

namespace jixiao::scoring {

absl::Status SchemeSet::Add(SchemeFile file) {
  std::pair<std::string, int> key(file.scheme.id(), file.scheme.version());
  const auto existing = files_.find(key);
  if (existing != files_.end()) {
    return absl::AlreadyExistsError(
        absl::StrCat(file.file_name, ":", file.version_line, ": ", key.first, " v", key.second,
                     " is already defined in ", existing->second.file_name));
  }
  files_.emplace(std::move(key), std::move(file));
  return absl::OkStatus();
}

const v1::Scheme* SchemeSet::Find(absl::string_view id, int version) const {
  if (version > 0) {
    const auto it = files_.find({std::string(id), version});
    return it == files_.end() ? nullptr : &it->second.scheme;
  }
  const v1::Scheme* latest = nullptr;
  for (const auto& [key, file] : files_) {
    if (key.first == id) latest = &file.scheme;  // ordered by version within an id
  }
  return latest;
}

std::vector<const v1::Scheme*> SchemeSet::All() const {
  std::vector<const v1::Scheme*> all;
  all.reserve(files_.size());
  for (const auto& [key, file] : files_) all.push_back(&file.scheme);
  return all;
}

}  // namespace jixiao::scoring
