#pragma once

// A load report as text for a person at a terminal:
//
//   run         echo: /jixiao.bench.v1.EchoService/Echo → 127.0.0.1:50059
//   load        closed loop, 64 in flight, 1 channel (1 connected)
//   measured    3.001 s, stopped by duration; warm-up 0 s (0 calls not recorded)
//   calls       120000: 119990 OK, 10 errors
//   statuses    OK 119990, UNAVAILABLE 10
//   throughput  39983.3 OK/s (39986.7 calls/s)
//   latency ms  p50 1.52  p90 2.01  p99 3.10  p99.9 5.02  max 9.80  (119990 OK calls)
//     all calls p50 1.52  p90 2.01  p99 3.10  p99.9 5.02  max 9.80  (120000 calls)
//
// Open-loop runs say that latency runs from each call's due time, and add the
// calls not sent because too many were in flight.

#include <string>

#include "bench/load/load_report.h"

namespace jixiao::load {

std::string FormatReportText(const LoadReport& report);

}  // namespace jixiao::load
