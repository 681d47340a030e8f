#pragma once

// What a load run measured, in the form both report formats print.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench/load/latency_histogram.h"
#include "bench/load/load_options.h"
#include "bench/load/status_counts.h"

namespace jixiao::load {

// Why the run stopped starting calls.
enum class StopReason { kDuration, kMaxCalls, kRequestsExhausted };

// "duration", "max_calls", "requests_exhausted".
const char* StopReasonName(StopReason reason);

struct LatencySummary {
  int64_t count = 0;  // calls the percentiles are over
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double p999_ms = 0;
  double max_ms = 0;
};

// The percentiles of a histogram of nanoseconds, in milliseconds.
LatencySummary SummarizeLatency(const LatencyHistogram& nanos);

// `count` / `seconds`, or 0 when no time was measured.
double PerSecond(int64_t count, double seconds);

struct LoadReport {
  // The run as asked for.
  std::string label;
  std::string method;  // the gRPC path, "/jixiao.v1.QueryService/GetScoreCard"
  std::string target;
  LoadMode mode = LoadMode::kClosedLoop;
  int concurrency = 0;    // closed loop
  double rate = 0;        // open loop
  int max_in_flight = 0;  // open loop
  int channels = 0;
  int channels_ready = 0;  // channels connected when the run began
  bool retry_unavailable = false;
  int requests = 0;  // distinct requests cycled through
  double warmup_s = 0;
  double duration_limit_s = 0;
  int64_t max_calls = 0;
  int64_t deadline_ms = 0;

  // What happened. Measured calls are the calls started after the warm-up.
  StopReason stopped_by = StopReason::kDuration;
  // From the end of the warm-up to the last measured call's end.
  double duration_s = 0;
  StatusCounts statuses;       // every measured call, by how it ended
  int64_t not_sent = 0;        // open loop: measured calls due while --max-in-flight were in flight
  int64_t warmup_calls = 0;    // calls made during the warm-up, in no other figure
  LatencySummary latency_ok;   // over the calls that succeeded
  LatencySummary latency_all;  // over every measured call, errors included

  int64_t calls() const { return statuses.total(); }
  int64_t ok() const { return statuses.ok(); }
  int64_t errors() const { return statuses.errors(); }
  double throughput_ok_per_s() const { return PerSecond(ok(), duration_s); }
  double throughput_calls_per_s() const { return PerSecond(calls(), duration_s); }
};

}  // namespace jixiao::load
