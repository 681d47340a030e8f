#include "bench/load/report_json.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace jixiao::load {
namespace {

// A JSON string literal. Labels, targets and method names are the user's
// text, so quotes, backslashes and control characters are escaped; other
// UTF-8 passes through, as JSON allows.
std::string Quote(absl::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += "\"";
  return out;
}

// Collects "key":value members in the order added.
class JsonObject {
 public:
  JsonObject& Raw(absl::string_view key, absl::string_view json) {
    absl::StrAppend(&body_, body_.empty() ? "" : ",", Quote(key), ":", json);
    return *this;
  }
  JsonObject& String(absl::string_view key, absl::string_view value) {
    return Raw(key, Quote(value));
  }
  JsonObject& Integer(absl::string_view key, int64_t value) {
    return Raw(key, absl::StrCat(value));
  }
  // Fixed-point, never exponent notation, never NaN (the report's figures are finite).
  JsonObject& Number(absl::string_view key, double value, int decimals) {
    return Raw(key, absl::StrFormat("%.*f", decimals, value));
  }
  std::string Build() const { return absl::StrCat("{", body_, "}"); }

 private:
  std::string body_;
};

std::string LatencyJson(const LatencySummary& latency) {
  return JsonObject()
      .Integer("count", latency.count)
      .Number("p50", latency.p50_ms, 3)
      .Number("p90", latency.p90_ms, 3)
      .Number("p99", latency.p99_ms, 3)
      .Number("p999", latency.p999_ms, 3)
      .Number("max", latency.max_ms, 3)
      .Build();
}

}  // namespace

std::string FormatReportJson(const LoadReport& report) {
  JsonObject json;
  json.String("label", report.label)
      .String("method", report.method)
      .String("target", report.target)
      .String("mode", report.mode == LoadMode::kClosedLoop ? "closed_loop" : "open_loop");
  if (report.mode == LoadMode::kClosedLoop) {
    json.Integer("concurrency", report.concurrency);
  } else {
    json.Number("rate_per_s", report.rate, 3).Integer("max_in_flight", report.max_in_flight);
  }
  JsonObject statuses;
  for (const auto& [name, count] : report.statuses.Named()) statuses.Integer(name, count);
  json.Integer("channels", report.channels)
      .Integer("channels_ready", report.channels_ready)
      .Integer("requests", report.requests)
      .Number("warmup_s", report.warmup_s, 3)
      .Number("duration_limit_s", report.duration_limit_s, 3)
      .Integer("max_calls", report.max_calls)
      .Integer("deadline_ms", report.deadline_ms)
      .String("stopped_by", StopReasonName(report.stopped_by))
      .Number("duration_s", report.duration_s, 6)
      .Integer("calls", report.calls())
      .Integer("ok", report.ok())
      .Integer("errors", report.errors())
      .Raw("status_counts", statuses.Build())
      .Integer("not_sent", report.not_sent)
      .Integer("warmup_calls", report.warmup_calls)
      .Number("throughput_ok_per_s", report.throughput_ok_per_s(), 1)
      .Number("throughput_calls_per_s", report.throughput_calls_per_s(), 1)
      .Raw("latency_ms", LatencyJson(report.latency_ok))
      .Raw("latency_all_ms", LatencyJson(report.latency_all));
  return json.Build();
}

}  // namespace jixiao::load
