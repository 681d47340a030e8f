#pragma once

// Validators for OptionSpec::validate. Each message says what is expected;
// OptionTable adds the option's name and the offending value.

#include <cstdint>
#include <string>
#include <vector>

#include "common/platform/server/option_table.h"

namespace jixiao::server {

// A decimal integer in [min, max]: "must be an integer in 1..256".
OptionValidator IntInRange(int64_t min, int64_t max);

// One of the listed words, exactly: "must be one of debug, info, warn, error".
OptionValidator OneOf(std::vector<std::string> words);

// Anything but the empty string.
OptionValidator NonEmpty();

// HOST:PORT with PORT in 0..65535 (0 picks a free port); HOST may be a name,
// an IPv4 address or a bracketed IPv6 address such as [::1].
OptionValidator HostPort();

}  // namespace jixiao::server
