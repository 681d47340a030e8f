#pragma once

// Runs a load: sends unary calls to one method of a gRPC server through the
// generic callback API and measures how they end.
//
//   LoadOptions options;
//   options.target = "127.0.0.1:50059";
//   options.concurrency = 64;
//   options.duration = absl::Seconds(3);
//   absl::StatusOr<LoadReport> report = RunLoad(options);
//
// Closed loop: `concurrency` slots each keep one call in flight, starting the
// next as soon as the last one ends; latency runs from sending to the end.
// Open loop: calls are due at a fixed rate from the start; one due while
// `max_in_flight` are in flight is not sent (and counted in not_sent). Latency
// runs from when a call was due, not from when it was sent, so that a server
// that stalls the sender is charged for the stall (no coordinated omission).
//
// Every call that ends is counted under its status code; only OK counts as a
// success. Calls started during the warm-up are made but appear only in
// warmup_calls. Calls are spread over `channels` connections, each made to be
// a connection of its own; RunLoad waits (up to 10 s) for them to connect
// before the clock starts, and a target that cannot be reached is not an
// error: its calls end UNAVAILABLE and are counted like any other.
//
// The run ends at the first bound (options.h); calls then in flight are
// waited for, each within its deadline, and counted.

#include "absl/status/statusor.h"
#include "bench/load/load_options.h"
#include "bench/load/load_report.h"

namespace jixiao::load {

// Fails only before any call is sent: invalid options, a method that is not
// linked in or streams, requests that do not parse. Blocks for the whole run.
absl::StatusOr<LoadReport> RunLoad(const LoadOptions& options);

}  // namespace jixiao::load
