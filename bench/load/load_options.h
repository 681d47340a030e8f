#pragma once

// What a load run does, from jixiao-load's command line or set directly by a
// test, and the checks that keep every run bounded.
//
//   jixiao-load --target 127.0.0.1:50053 --method jixiao.v1.QueryService/GetScoreCard
//               --requests cards.jsonl --concurrency 64 --duration 30 --json
//
// Closed loop (--concurrency N, the default mode): N calls always in flight, a
// new one starting as soon as one ends. Open loop (--rate R): calls start at R
// per second whatever the server does, at most --max-in-flight at once; a call
// due when that many are in flight is not sent and is counted as such.
//
// Every run ends at the first of: --duration seconds of measurement after the
// warm-up, --max-calls measured calls started, or (with --no-repeat) every
// request sent once. Neither bound can be switched off.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/transport/transport_security.h"

namespace jixiao::load {

enum class LoadMode { kClosedLoop, kOpenLoop };

struct LoadOptions {
  std::string target = "127.0.0.1:50059";
  // "package.Service/Method", with or without a leading '/'.
  std::string method = "jixiao.bench.v1.EchoService/Echo";
  // One request as proto3 JSON, or a file of them (JSON Lines); at most one of
  // the two. Neither means one empty request, "{}".
  std::string request_json;
  std::string requests_file;
  // Sends each request once, then ends the run; otherwise calls cycle through
  // the requests in order.
  bool no_repeat = false;

  LoadMode mode = LoadMode::kClosedLoop;
  int concurrency = 16;      // closed loop: calls in flight
  double rate = 0;           // open loop: calls started per second
  int max_in_flight = 1000;  // open loop: calls in flight at most
  int channels = 1;          // separate connections the calls are spread over
  // Retry UNAVAILABLE as jixiao's own clients do (channel_policy.h); off by
  // default, so that a measurement shows every failure the server gave.
  bool retry_unavailable = false;

  absl::Duration duration = absl::Seconds(10);         // measured time, after the warm-up
  int64_t max_calls = 1000000;                         // measured calls started, at most
  absl::Duration warmup = absl::ZeroDuration();        // calls started in it are not recorded
  absl::Duration deadline = absl::Milliseconds(5000);  // per call

  bool json = false;  // one JSON object instead of the text report
  std::string label;  // names the run in the report

  // TLS (--tls-ca, and --tls-cert/--tls-key for mTLS) and --token-file, as the
  // services' other clients take them; none: plaintext without a token.
  transport::TransportSecurity security;
};

// Refuses what cannot run or would not end: a bound that is zero, negative or
// out of range, a malformed method name, two request sources, open-loop
// settings in a closed-loop run. Messages name the command-line flag.
absl::Status ValidateLoadOptions(const LoadOptions& options);

struct LoadCommandLine {
  bool help = false;  // --help or -h: print LoadUsage() and do nothing else
  LoadOptions options;
};

// Parses jixiao-load's arguments (without the program name): `--name value`,
// `--name=value` and the flags --json, --no-repeat, --help. Refuses unknown
// options, positional arguments, an option given twice, --concurrency together
// with --rate, and --max-in-flight without --rate; then validates the result.
absl::StatusOr<LoadCommandLine> ParseLoadCommandLine(absl::Span<const std::string> args);

// The usage text, one entry per option with its default.
std::string LoadUsage();

// What main does with a parse: on --help prints the usage and returns 0; on a
// usage error prints it and returns 2; otherwise returns nothing.
std::optional<int> ExitCodeForLoadCommandLine(const absl::StatusOr<LoadCommandLine>& parsed);

}  // namespace jixiao::load
