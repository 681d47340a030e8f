#include "common/platform/options/option_checks.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace jixiao::options {
namespace {

std::string Got(absl::string_view expected, absl::string_view value) {
  return absl::StrCat(expected, ", got \"", value, "\"");
}

// absl's parsers tolerate surrounding spaces; a configured number should not have them.
bool Plain(absl::string_view value) {
  return !value.empty() && !absl::ascii_isspace(static_cast<unsigned char>(value.front())) &&
         !absl::ascii_isspace(static_cast<unsigned char>(value.back()));
}

}  // namespace

CLI::Validator IntInRange(int64_t min, int64_t max) {
  return CLI::Validator(
      [min, max](std::string& value) -> std::string {
        int64_t number = 0;
        if (Plain(value) && absl::SimpleAtoi(value, &number) && number >= min && number <= max) {
          return "";
        }
        return Got(absl::StrCat("must be an integer in ", min, "..", max), value);
      },
      "", "IntInRange");
}

CLI::Validator WholeNumber() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        int64_t number = 0;
        if (Plain(value) && absl::SimpleAtoi(value, &number)) return "";
        return Got("must be a whole number", value);
      },
      "", "WholeNumber");
}

CLI::Validator FiniteNumber() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double number = 0;
        if (Plain(value) && absl::SimpleAtod(value, &number) && std::isfinite(number)) return "";
        return Got("must be a number", value);
      },
      "", "FiniteNumber");
}

CLI::Validator OneOf(std::vector<std::string> words) {
  const std::string expected = absl::StrCat("must be one of ", absl::StrJoin(words, ", "));
  return CLI::Validator(
      [words = std::move(words), expected](std::string& value) -> std::string {
        for (const std::string& word : words) {
          if (value == word) return "";
        }
        return Got(expected, value);
      },
      "", "OneOf");
}

CLI::Validator NonEmpty() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        return value.empty() ? Got("must not be empty", value) : "";
      },
      "", "NonEmpty");
}

CLI::Validator Checked(std::function<absl::Status(absl::string_view value)> check) {
  return CLI::Validator(
      [check = std::move(check)](std::string& value) -> std::string {
        const absl::Status status = check(value);
        return status.ok() ? "" : Got(status.message(), value);
      },
      "", "Checked");
}

}  // namespace jixiao::options
