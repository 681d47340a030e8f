#pragma once
// Reads the named cohorts of a deployment from their file (--cohorts).
#include <string>

#include "absl/status/statusor.h"
#include "services/query/logic/named_cohorts.h"

namespace jixiao::query {

// NOT_FOUND when the file cannot be read; INVALID_ARGUMENT, as
// NamedCohorts::Parse, when its content is wrong.
absl::StatusOr<NamedCohorts> LoadNamedCohorts(const std::string& path);

}  // namespace jixiao::query
