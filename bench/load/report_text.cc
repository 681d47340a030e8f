#include "bench/load/report_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace jixiao::load {
namespace {

std::string LatencyLine(const LatencySummary& latency) {
  return absl::StrFormat("p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f", latency.p50_ms,
                         latency.p90_ms, latency.p99_ms, latency.p999_ms, latency.max_ms);
}

std::string Plural(int64_t count, absl::string_view one, absl::string_view many) {
  return absl::StrCat(count, " ", count == 1 ? one : many);
}

}  // namespace

std::string FormatReportText(const LoadReport& report) {
  std::string text;
  const std::string label = report.label.empty() ? "" : absl::StrCat(report.label, ": ");
  absl::StrAppend(&text, "run         ", label, report.method, " → ", report.target, "\n");

  const std::string load =
      report.mode == LoadMode::kClosedLoop
          ? absl::StrCat("closed loop, ", report.concurrency, " in flight")
          : absl::StrFormat("open loop, %.1f calls/s, at most %d in flight, latency from due time",
                            report.rate, report.max_in_flight);
  absl::StrAppend(&text, "load        ", load, ", ", Plural(report.channels, "channel", "channels"),
                  " (", report.channels_ready, " connected), ",
                  Plural(report.requests, "request", "requests"),
                  report.retry_unavailable ? ", UNAVAILABLE retried" : "", "\n");
  absl::StrAppendFormat(&text, "measured    %.3f s, stopped by %s; warm-up %.3f s (%s)\n",
                        report.duration_s, StopReasonName(report.stopped_by), report.warmup_s,
                        Plural(report.warmup_calls, "call not recorded", "calls not recorded"));
  absl::StrAppend(&text, "calls       ", report.calls(), ": ", report.ok(), " OK, ",
                  Plural(report.errors(), "error", "errors"));
  if (report.mode == LoadMode::kOpenLoop)
    absl::StrAppend(&text, "; ", report.not_sent, " not sent");
  absl::StrAppend(&text, "\n");

  std::vector<std::string> statuses;
  for (const auto& [name, count] : report.statuses.Named()) {
    statuses.push_back(absl::StrCat(name, " ", count));
  }
  absl::StrAppend(&text, "statuses    ", statuses.empty() ? "none" : absl::StrJoin(statuses, ", "),
                  "\n");
  absl::StrAppendFormat(&text, "throughput  %.1f OK/s (%.1f calls/s)\n",
                        report.throughput_ok_per_s(), report.throughput_calls_per_s());
  absl::StrAppend(&text, "latency ms  ", LatencyLine(report.latency_ok), "  (",
                  Plural(report.latency_ok.count, "OK call", "OK calls"), ")\n");
  absl::StrAppend(&text, "  all calls ", LatencyLine(report.latency_all), "  (",
                  Plural(report.latency_all.count, "call", "calls"), ")\n");
  return text;
}

}  // namespace jixiao::load
