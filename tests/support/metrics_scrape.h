#pragma once
// Reads a service's Prometheus endpoint as Prometheus would: an HTTP GET of
// /metrics (libcurl), then the samples of the text format.

#include <map>
#include <string>

#include "absl/status/statusor.h"

namespace jixiao::testing {

// The body of GET http://127.0.0.1:<port>/metrics; UNAVAILABLE when the
// request fails or does not answer 200.
absl::StatusOr<std::string> ScrapeMetrics(int port);

// The sum of the samples of `name` (exactly, so `x_count` is not `x`) whose
// labels include every one of `labels`; 0 when there is none.
double SumSamples(const std::string& exposition, const std::string& name,
                  const std::map<std::string, std::string>& labels = {});

// Whether any sample of `name` is exposed at all.
bool HasSamples(const std::string& exposition, const std::string& name);

}  // namespace jixiao::testing
