#include "common/domain/scheme_resolution/scheme_resolution.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace jixiao::scheme_resolution {

absl::StatusOr<size_t> ResolveScheme(const jixiao::v1::SchemeRef& requested,
                                     absl::string_view default_id,
                                     absl::Span<const jixiao::v1::SchemeRef> loaded) {
  if (requested.version() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("scheme.version: must be 0 (latest) or positive, got ", requested.version()));
  }
  const absl::string_view id = requested.id().empty() ? default_id : requested.id();
  if (id.empty()) return absl::InvalidArgumentError("scheme.id: is required (no default scheme)");

  std::optional<size_t> found;
  std::vector<int32_t> versions;
  for (size_t i = 0; i < loaded.size(); ++i) {
    if (loaded[i].id() != id) continue;
    versions.push_back(loaded[i].version());
    const bool wanted = requested.version() == 0
                            ? !found || loaded[i].version() > loaded[*found].version()
                            : loaded[i].version() == requested.version();
    if (wanted) found = i;
  }
  if (versions.empty()) {
    std::vector<std::string> ids;
    for (const jixiao::v1::SchemeRef& scheme : loaded) ids.push_back(scheme.id());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return absl::NotFoundError(absl::StrCat("scheme \"", id, "\" is not loaded (loaded: ",
                                            ids.empty() ? "none" : absl::StrJoin(ids, ", "), ")"));
  }
  if (!found) {
    std::sort(versions.begin(), versions.end());
    return absl::NotFoundError(
        absl::StrCat("scheme \"", id, "\" version ", requested.version(),
                     " is not loaded (loaded versions: ", absl::StrJoin(versions, ", "), ")"));
  }
  return *found;
}

jixiao::v1::SchemeRef RefOf(const jixiao::v1::Scheme& scheme) {
  jixiao::v1::SchemeRef ref;
  ref.set_id(scheme.id());
  ref.set_version(scheme.version());
  ref.set_content_hash(scheme.content_hash());
  return ref;
}

}  // namespace jixiao::scheme_resolution
