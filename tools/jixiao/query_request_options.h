#pragma once

// The options the query commands share to name a scheme and a peer group:
//   --scheme ID[@VERSION]   (default: the service's default scheme, JIXIAO_DEFAULT_SCHEME)
//   --level L, --sector TAG (repeatable), --cohort NAME

#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "jixiao/v1/query_service.pb.h"
#include "tools/jixiao/command_line.h"

namespace jixiao::cli {

inline constexpr char kSchemeUsage[] = "[--scheme ID[@VERSION]]";
inline constexpr char kCohortUsage[] = "[--level L] [--sector TAG]… [--cohort NAME]";
// The option lines of the usage for --scheme, and for the cohort options.
std::string SchemeHelp();
std::string CohortHelp();

const std::set<std::string>& CohortOptions();

// Nothing without --scheme: the request then names no scheme, and the service
// uses the default it is configured with, so that the CLI and every other
// client of one deployment agree.
absl::StatusOr<std::optional<jixiao::v1::SchemeRef>> SchemeFromOptions(const ParsedCommandLine& cl);

// Nothing when no cohort option is given: the request then leaves its cohort
// unset, which the service reads as "every department".
absl::StatusOr<std::optional<jixiao::v1::Cohort>> CohortFromOptions(const ParsedCommandLine& cl);

}  // namespace jixiao::cli
