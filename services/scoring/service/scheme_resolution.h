#pragma once
// Which loaded scheme a request means: an empty id is the service's default
// scheme, version 0 the latest version of the id.
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/scheme/scheme_set.h"

namespace jixiao::scoring {

// INVALID_ARGUMENT for a negative version; NOT_FOUND, naming the scheme, when
// it is not loaded.
absl::StatusOr<const jixiao::v1::Scheme*> ResolveScheme(const SchemeSet& schemes,
                                                        const jixiao::v1::SchemeRef& requested,
                                                        absl::string_view default_id);

// The reference to a loaded scheme: id, version and content hash.
jixiao::v1::SchemeRef RefOf(const jixiao::v1::Scheme& scheme);

}  // namespace jixiao::scoring
