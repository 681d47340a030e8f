#pragma once
// Which of the scoring service's schemes a request means, by the rule every
// service resolves schemes by (common/domain/scheme_resolution).
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/scheme_resolution/scheme_resolution.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/scheme/scheme_set.h"

namespace jixiao::scoring {

// See scheme_resolution::ResolveScheme for the rule and its errors.
absl::StatusOr<const jixiao::v1::Scheme*> ResolveScheme(const SchemeSet& schemes,
                                                        const jixiao::v1::SchemeRef& requested,
                                                        absl::string_view default_id);

using scheme_resolution::RefOf;

}  // namespace jixiao::scoring
