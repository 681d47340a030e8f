#pragma once

// Serves the process's metrics (metrics_registry.h) in Prometheus's text format on
// `GET /metrics`, over plain HTTP on a port of its own, apart from gRPC: Prometheus scrapes it
// without gRPC, TLS or a token. The metrics say how much and how fast, never whose reports.

#include <prometheus/exposer.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace jixiao::metrics {

class MetricsEndpoint {
 public:
  // Listens on `listen` (HOST:PORT; port 0 picks a free one). UNAVAILABLE when it cannot.
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(const std::string& listen);

  // The port listened on.
  int port() const { return port_; }

 private:
  MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer, int port);

  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_;
};

}  // namespace jixiao::metrics
