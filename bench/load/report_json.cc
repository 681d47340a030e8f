#include "bench/load/report_json.h"

#include <cmath>
#include <cstdint>

#include "nlohmann/json.hpp"

namespace jixiao::load {
namespace {

// Members keep the order they are added in, which the header documents.
using Json = nlohmann::ordered_json;

// The figure rounded to `decimals`: the report's resolution, not the double's.
double Rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Json LatencyJson(const LatencySummary& latency) {
  Json json;
  json["count"] = latency.count;
  json["p50"] = Rounded(latency.p50_ms, 3);
  json["p90"] = Rounded(latency.p90_ms, 3);
  json["p99"] = Rounded(latency.p99_ms, 3);
  json["p999"] = Rounded(latency.p999_ms, 3);
  json["max"] = Rounded(latency.max_ms, 3);
  return json;
}

}  // namespace

std::string FormatReportJson(const LoadReport& report) {
  Json json;
  json["label"] = report.label;
  json["method"] = report.method;
  json["target"] = report.target;
  json["mode"] = report.mode == LoadMode::kClosedLoop ? "closed_loop" : "open_loop";
  if (report.mode == LoadMode::kClosedLoop) {
    json["concurrency"] = report.concurrency;
  } else {
    json["rate_per_s"] = Rounded(report.rate, 3);
    json["max_in_flight"] = report.max_in_flight;
  }
  json["channels"] = report.channels;
  json["channels_ready"] = report.channels_ready;
  json["retry_unavailable"] = report.retry_unavailable;
  json["requests"] = report.requests;
  json["warmup_s"] = Rounded(report.warmup_s, 3);
  json["duration_limit_s"] = Rounded(report.duration_limit_s, 3);
  json["max_calls"] = report.max_calls;
  json["deadline_ms"] = report.deadline_ms;
  json["stopped_by"] = StopReasonName(report.stopped_by);
  json["duration_s"] = Rounded(report.duration_s, 6);
  json["calls"] = report.calls();
  json["ok"] = report.ok();
  json["errors"] = report.errors();
  Json statuses = Json::object();
  for (const auto& [name, count] : report.statuses.Named()) statuses[name] = count;
  json["status_counts"] = std::move(statuses);
  json["not_sent"] = report.not_sent;
  json["warmup_calls"] = report.warmup_calls;
  json["throughput_ok_per_s"] = Rounded(report.throughput_ok_per_s(), 1);
  json["throughput_calls_per_s"] = Rounded(report.throughput_calls_per_s(), 1);
  json["latency_ms"] = LatencyJson(report.latency_ok);
  json["latency_all_ms"] = LatencyJson(report.latency_all);
  // Labels, targets and method names are the user's text; invalid UTF-8 in
  // them is replaced rather than refused, so the report always prints.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace jixiao::load
