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
  absl::StatusOr<PreparedScheme> prepared = PreparedScheme::Prepare(std::move(file.scheme));
  if (!prepared.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(file.file_name, ":", file.version_line, ": ", prepared.status().message()));
  }
  files_.emplace(std::move(key), Entry{std::move(file.file_name), *std::move(prepared)});
  return absl::OkStatus();
}

const PreparedScheme* SchemeSet::FindPrepared(absl::string_view id, int version) const {
  if (version > 0) {
    const auto it = files_.find({std::string(id), version});
    return it == files_.end() ? nullptr : &it->second.prepared;
  }
  const PreparedScheme* latest = nullptr;
  for (const auto& [key, entry] : files_) {
    if (key.first == id) latest = &entry.prepared;  // ordered by version within an id
  }
  return latest;
}

const v1::Scheme* SchemeSet::Find(absl::string_view id, int version) const {
  const PreparedScheme* prepared = FindPrepared(id, version);
  return prepared == nullptr ? nullptr : &prepared->scheme();
}

std::vector<const v1::Scheme*> SchemeSet::All() const {
  std::vector<const v1::Scheme*> all;
  all.reserve(files_.size());
  for (const auto& [key, entry] : files_) all.push_back(&entry.prepared.scheme());
  return all;
}

}  // namespace jixiao::scoring
