#pragma once

// A load report as one JSON object on one line, for scripts that compare runs:
//
//   {"label":"echo","method":"/jixiao.bench.v1.EchoService/Echo","target":"127.0.0.1:50059",
//    "mode":"closed_loop","concurrency":64,"channels":1,...,"calls":120000,"ok":120000,
//    "errors":0,"status_counts":{"OK":120000},"not_sent":0,"throughput_ok_per_s":40000.0,
//    "latency_ms":{"count":120000,"p50":1.52,"p90":...,"p99":...,"p999":...,"max":...},
//    "latency_all_ms":{...}}
//
// Mode-specific fields appear only for their mode: "concurrency" for a closed
// loop, "rate_per_s" and "max_in_flight" for an open one. "latency_ms" is over
// successful calls only; "latency_all_ms" includes the errors. Times are
// milliseconds with microsecond resolution; counts are exact integers.

#include <string>

#include "bench/load/load_report.h"

namespace jixiao::load {

std::string FormatReportJson(const LoadReport& report);

}  // namespace jixiao::load
