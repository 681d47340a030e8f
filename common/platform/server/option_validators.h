#pragma once

// The option check the services add to the common ones (option_checks.h):
// an address to listen on or to call.

#include "CLI/CLI.hpp"

namespace jixiao::server {

// HOST:PORT with PORT in 0..65535 (0 picks a free port); HOST may be a name,
// an IPv4 address or a bracketed IPv6 address such as [::1].
CLI::Validator HostPort();

// HostPort, or empty for an option that is off unless given an address.
CLI::Validator OptionalHostPort();

}  // namespace jixiao::server
