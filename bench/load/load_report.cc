#include "bench/load/load_report.h"

namespace jixiao::load {
namespace {

double Milliseconds(int64_t nanos) { return static_cast<double>(nanos) / 1e6; }

}  // namespace

const char* StopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::kDuration:
      return "duration";
    case StopReason::kMaxCalls:
      return "max_calls";
    case StopReason::kRequestsExhausted:
      return "requests_exhausted";
  }
  return "duration";
}

LatencySummary SummarizeLatency(const LatencyHistogram& nanos) {
  LatencySummary summary;
  summary.count = nanos.count();
  summary.p50_ms = Milliseconds(nanos.ValueAtPercentile(50));
  summary.p90_ms = Milliseconds(nanos.ValueAtPercentile(90));
  summary.p99_ms = Milliseconds(nanos.ValueAtPercentile(99));
  summary.p999_ms = Milliseconds(nanos.ValueAtPercentile(99.9));
  summary.max_ms = Milliseconds(nanos.max());
  return summary;
}

double PerSecond(int64_t count, double seconds) {
  return seconds > 0 ? static_cast<double>(count) / seconds : 0;
}

}  // namespace jixiao::load
