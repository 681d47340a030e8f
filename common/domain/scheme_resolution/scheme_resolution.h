#pragma once
// Which loaded scheme a request means, with the same answer and the same
// refusals wherever it is asked: scoring resolves against the schemes it
// holds, query against the list scoring gave it. Cache keys name the scheme
// version, so "latest" must become a number before the cache can be read.
#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scheme_resolution {

// The position in `loaded` of the scheme `requested` means: an empty id is
// `default_id`, version 0 the highest loaded version of the id.
// INVALID_ARGUMENT for a negative version, or for no id when there is no
// default; NOT_FOUND, naming the scheme and what is loaded, when the id or
// the version is not loaded. The requested content hash is not compared: the
// loaded scheme's is the one its scorecards carry.
absl::StatusOr<size_t> ResolveScheme(const jixiao::v1::SchemeRef& requested,
                                     absl::string_view default_id,
                                     absl::Span<const jixiao::v1::SchemeRef> loaded);

// The reference to a scheme: id, version and content hash.
jixiao::v1::SchemeRef RefOf(const jixiao::v1::Scheme& scheme);

}  // namespace jixiao::scheme_resolution
