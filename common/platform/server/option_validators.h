#pragma once

// The option checks the services add to the common ones (option_checks.h):
// an address to listen on, and a service to call.

#include "CLI/CLI.hpp"

namespace jixiao::server {

// HOST:PORT with PORT in 0..65535 (0 picks a free port); HOST may be a name,
// an IPv4 address or a bracketed IPv6 address such as [::1].
CLI::Validator HostPort();

// HostPort, or empty for an option that is off unless given an address.
CLI::Validator OptionalHostPort();

// A service to call: HOST:PORT or a dns:, ipv4:, ipv6: or unix: target (channel_target.h).
CLI::Validator ChannelTarget();

// ChannelTarget, or empty for a service that is not called unless given.
CLI::Validator OptionalChannelTarget();

}  // namespace jixiao::server
