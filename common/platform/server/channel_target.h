#pragma once

// The address of a service to call, as --scoring and --ingest take it: what
// gRPC accepts as a channel target, restricted to the forms jixiao supports so
// that a typo fails at start-up instead of as UNAVAILABLE on every call.
//
//   scoring:50052                               one name, resolved by DNS
//   dns:///scoring-headless.jixiao.svc:50052    every address of the name (one per pod)
//   ipv4:10.0.0.7:50052,10.0.0.8:50052          a fixed list
//   ipv6:[::1]:50052,[::1]:50062
//   unix:/run/jixiao/scoring.sock
//
// Every channel spreads calls over all the addresses its target resolves to
// (channel_policy.h), so a list or a headless Service name balances per call.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jixiao::server {

// OK for one of the forms above; INVALID_ARGUMENT saying which part is wrong.
// At most kMaxTargetAddresses addresses in a list, kMaxTargetLength characters.
absl::Status CheckChannelTarget(absl::string_view target);

inline constexpr size_t kMaxTargetAddresses = 64;
inline constexpr size_t kMaxTargetLength = 4096;

}  // namespace jixiao::server
