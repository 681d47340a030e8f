#pragma once

// Option values that several commands read the same way: years, administrative
// levels, scheme references. Each parser's error message names the option, so a
// command can print it as it is.

#include <string>

#include "absl/status/statusor.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::cli {

// "province", "city", "district" or "county" (any case).
absl::StatusOr<jixiao::v1::AdministrativeLevel> ParseLevel(const std::string& text);

// "ID" (version 0: the latest) or "ID@VERSION" with VERSION ≥ 1.
absl::StatusOr<jixiao::v1::SchemeRef> ParseSchemeRef(const std::string& text);

// A whole number in [min, max]; `option` names it in the error ("--year").
absl::StatusOr<int> ParseIntOption(const std::string& option, const std::string& text, int min,
                                   int max);

// A year: a positive number. Which years are valid is the services' business.
absl::StatusOr<int> ParseYear(const std::string& option, const std::string& text);

}  // namespace jixiao::cli
