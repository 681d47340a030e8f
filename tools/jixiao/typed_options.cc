#include "tools/jixiao/typed_options.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace jixiao::cli {

absl::StatusOr<jixiao::v1::AdministrativeLevel> ParseLevel(const std::string& text) {
  const std::string upper = "ADMINISTRATIVE_LEVEL_" + absl::AsciiStrToUpper(text);
  jixiao::v1::AdministrativeLevel level;
  if (!jixiao::v1::AdministrativeLevel_Parse(upper, &level) ||
      level == jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED) {
    return absl::InvalidArgumentError("--level must be province, city, district or county");
  }
  return level;
}

absl::StatusOr<jixiao::v1::SchemeRef> ParseSchemeRef(const std::string& text) {
  jixiao::v1::SchemeRef ref;
  const size_t at = text.find('@');
  ref.set_id(text.substr(0, at));
  int version = 0;
  if (ref.id().empty() || (at != std::string::npos &&
                           (!absl::SimpleAtoi(text.substr(at + 1), &version) || version < 1))) {
    return absl::InvalidArgumentError("--scheme takes ID or ID@VERSION");
  }
  ref.set_version(version);
  return ref;
}

absl::StatusOr<int> ParseIntOption(const std::string& option, const std::string& text, int min,
                                   int max) {
  int value = 0;
  if (!absl::SimpleAtoi(text, &value) || value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat(option, " must be a whole number from ", min, " to ", max));
  }
  return value;
}

absl::StatusOr<int> ParseYear(const std::string& option, const std::string& text) {
  int year = 0;
  if (!absl::SimpleAtoi(text, &year) || year < 1) {
    return absl::InvalidArgumentError(absl::StrCat(option, " must be a year, e.g. 2023"));
  }
  return year;
}

}  // namespace jixiao::cli
