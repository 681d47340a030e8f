#pragma once
// Jurisdictions are GB/T 2260 division codes, and what lies below a division shares its
// code's prefix: 440000 广东省 covers every code that begins "44", 440100 广州市 those that
// begin "4401", 440106 天河区 those that begin "440106" (its townships, 440106001…, too).
// A department code is "<division code>:<slug>" and a report id begins with its
// department code, so both name the division they belong to.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::access {

// The prefix a division's code shares with everything below it: "440000" → "44",
// "440100" → "4401", "440106" → "440106", "440106001" → "440106001". INVALID_ARGUMENT
// unless `code` is 6, 9 or 12 digits naming a province, city, district or township.
absl::StatusOr<std::string> JurisdictionPrefix(absl::string_view code);

// The division code at the front of a department code or report id ("440106:finance/2024/…"
// → "440106"); empty when there is none.
absl::string_view DivisionOf(absl::string_view department_code_or_report_id);

// Whether the jurisdiction with `prefix` covers `division_code`. An empty prefix covers
// everything; an empty division code is covered by the empty prefix only.
bool Covers(absl::string_view prefix, absl::string_view division_code);

}  // namespace jixiao::access
