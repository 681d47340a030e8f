#include "services/query/logic/scheme_resolution.h"

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace jixiao::query {

absl::StatusOr<LoadedScheme> ResolveScheme(const jixiao::v1::SchemeRef& requested,
                                           absl::string_view default_id,
                                           absl::Span<const LoadedScheme> loaded) {
  if (requested.version() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("scheme.version: must not be negative, got ", requested.version()));
  }
  const std::string id = requested.id().empty() ? std::string(default_id) : requested.id();
  if (id.empty()) return absl::InvalidArgumentError("scheme.id: is required (no default scheme)");

  const LoadedScheme* found = nullptr;
  std::vector<int32_t> versions;
  for (const LoadedScheme& scheme : loaded) {
    if (scheme.ref.id() != id) continue;
    versions.push_back(scheme.ref.version());
    const bool wanted = requested.version() == 0
                            ? found == nullptr || scheme.ref.version() > found->ref.version()
                            : scheme.ref.version() == requested.version();
    if (wanted) found = &scheme;
  }
  if (versions.empty()) {
    std::vector<std::string> ids;
    for (const LoadedScheme& scheme : loaded) ids.push_back(scheme.ref.id());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return absl::NotFoundError(absl::StrCat("scheme \"", id, "\" is not loaded (loaded: ",
                                            ids.empty() ? "none" : absl::StrJoin(ids, ", "), ")"));
  }
  if (found == nullptr) {
    std::sort(versions.begin(), versions.end());
    return absl::NotFoundError(
        absl::StrCat("scheme \"", id, "\" version ", requested.version(),
                     " is not loaded (loaded versions: ", absl::StrJoin(versions, ", "), ")"));
  }
  return *found;
}

}  // namespace jixiao::query
