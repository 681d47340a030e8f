#include "services/scoring/service/scheme_resolution.h"

#include "absl/strings/str_cat.h"

namespace jixiao::scoring {

absl::StatusOr<const jixiao::v1::Scheme*> ResolveScheme(const SchemeSet& schemes,
                                                        const jixiao::v1::SchemeRef& requested,
                                                        absl::string_view default_id) {
  if (requested.version() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("scheme.version: must be 0 (latest) or positive, got ", requested.version()));
  }
  const absl::string_view id = requested.id().empty() ? default_id : requested.id();
  const jixiao::v1::Scheme* scheme = schemes.Find(id, static_cast<int>(requested.version()));
  if (scheme == nullptr) {
    return absl::NotFoundError(
        requested.version() == 0
            ? absl::StrCat("scheme ", id, " is not loaded")
            : absl::StrCat("scheme ", id, " version ", requested.version(), " is not loaded"));
  }
  return scheme;
}

jixiao::v1::SchemeRef RefOf(const jixiao::v1::Scheme& scheme) {
  jixiao::v1::SchemeRef ref;
  ref.set_id(scheme.id());
  ref.set_version(scheme.version());
  ref.set_content_hash(scheme.content_hash());
  return ref;
}

}  // namespace jixiao::scoring
