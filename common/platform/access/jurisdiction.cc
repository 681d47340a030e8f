#include "common/platform/access/jurisdiction.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::access {

absl::StatusOr<std::string> JurisdictionPrefix(absl::string_view code) {
  const bool digits = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
  if (!digits || (code.size() != 6 && code.size() != 9 && code.size() != 12)) {
    return absl::InvalidArgumentError(
        absl::StrCat("must be a division code of 6, 9 or 12 digits, got \"", code, "\""));
  }
  if (code.size() > 6) return std::string(code);
  // A province's and a city's codes end in zero pairs that their members fill in.
  absl::string_view prefix = code;
  for (int pair = 0; pair < 2 && absl::EndsWith(prefix, "00"); ++pair) {
    prefix.remove_suffix(2);
  }
  if (prefix.size() < 2 || absl::StartsWith(prefix, "00")) {
    return absl::InvalidArgumentError(
        absl::StrCat("must be a division code of 6, 9 or 12 digits, got \"", code, "\""));
  }
  return std::string(prefix);
}

absl::string_view DivisionOf(absl::string_view department_code_or_report_id) {
  const size_t colon = department_code_or_report_id.find(':');
  if (colon == absl::string_view::npos) return {};
  return department_code_or_report_id.substr(0, colon);
}

bool Covers(absl::string_view prefix, absl::string_view division_code) {
  if (prefix.empty()) return true;
  return !division_code.empty() && absl::StartsWith(division_code, prefix);
}

}  // namespace jixiao::access
