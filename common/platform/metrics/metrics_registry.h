#pragma once

// The process's Prometheus metrics. One registry per process, as with the default registries
// of Prometheus's own client libraries: each part of a service (the server, the worker pool,
// the Redis pool, the store, the caches) records into it without being handed it, and the
// metrics endpoint (metrics_endpoint.h) serves it. Names follow Prometheus's conventions:
// `jixiao_` prefix, base units (`_seconds`), `_total` on counters.
//
// Families are created once, on first use, by the part that records them; recording is
// lock-free for counters and gauges and takes a short lock for histograms.

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace jixiao::metrics {

// The registry every metric of this process lives in.
prometheus::Registry& Registry();
std::shared_ptr<prometheus::Registry> SharedRegistry();

// Bucket bounds, in seconds, for call and I/O latencies: 0.25 ms to 10 s, enough resolution
// around the milliseconds a cached answer takes and the seconds a computed year takes.
const prometheus::Histogram::BucketBoundaries& LatencyBuckets();

prometheus::Family<prometheus::Counter>& CounterFamily(const std::string& name,
                                                       const std::string& help);
prometheus::Family<prometheus::Gauge>& GaugeFamily(const std::string& name,
                                                   const std::string& help);
prometheus::Family<prometheus::Histogram>& HistogramFamily(const std::string& name,
                                                           const std::string& help);

}  // namespace jixiao::metrics
