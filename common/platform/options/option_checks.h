#pragma once

// Checks for option values, as CLI11 validators. Each failure message says
// what is expected and repeats the value ("must be an integer in 1..256, got
// \"x\""); OptionSet puts the flag or the variable in front of it.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jixiao::options {

// A decimal integer in [min, max], without surrounding spaces.
CLI::Validator IntInRange(int64_t min, int64_t max);

// A whole number of any size: range checks come later, from the caller.
CLI::Validator WholeNumber();

// A finite decimal number: range checks come later, from the caller.
CLI::Validator FiniteNumber();

// One of the listed words, exactly: "must be one of debug, info, warn, error".
CLI::Validator OneOf(std::vector<std::string> words);

// Anything but the empty string.
CLI::Validator NonEmpty();

// A check written as a function returning a status whose message says what is
// expected.
CLI::Validator Checked(std::function<absl::Status(absl::string_view value)> check);

}  // namespace jixiao::options
