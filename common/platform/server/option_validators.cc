#include "common/platform/server/option_validators.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/platform/server/listen_address.h"

namespace jixiao::server {

OptionValidator IntInRange(int64_t min, int64_t max) {
  return [min, max](absl::string_view value) -> absl::Status {
    int64_t number = 0;
    // SimpleAtoi tolerates surrounding spaces; a configured number should not have them.
    const bool plain = !value.empty() &&
                       !absl::ascii_isspace(static_cast<unsigned char>(value.front())) &&
                       !absl::ascii_isspace(static_cast<unsigned char>(value.back()));
    if (plain && absl::SimpleAtoi(value, &number) && number >= min && number <= max) {
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(absl::StrCat("must be an integer in ", min, "..", max));
  };
}

OptionValidator OneOf(std::vector<std::string> words) {
  return [words = std::move(words)](absl::string_view value) -> absl::Status {
    for (const std::string& word : words) {
      if (value == word) return absl::OkStatus();
    }
    return absl::InvalidArgumentError(absl::StrCat("must be one of ", absl::StrJoin(words, ", ")));
  };
}

OptionValidator NonEmpty() {
  return [](absl::string_view value) -> absl::Status {
    if (!value.empty()) return absl::OkStatus();
    return absl::InvalidArgumentError("must not be empty");
  };
}

OptionValidator HostPort() {
  return [](absl::string_view value) -> absl::Status { return ParseListenAddress(value).status(); };
}

}  // namespace jixiao::server
