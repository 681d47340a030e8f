#include "common/platform/metrics/metrics_endpoint.h"

#include <exception>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/platform/metrics/metrics_registry.h"

namespace jixiao::metrics {

MetricsEndpoint::MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer, int port)
    : exposer_(std::move(exposer)), port_(port) {}

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(const std::string& listen) {
  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    // Two HTTP threads: a scrape every few seconds needs no more.
    exposer = std::make_unique<prometheus::Exposer>(listen, /*num_threads=*/2);
  } catch (const std::exception& error) {
    // prometheus-cpp reports a failed bind (civetweb's) by throwing.
    return absl::UnavailableError(
        absl::StrCat("metrics: cannot listen on ", listen, ": ", error.what()));
  }
  const std::vector<int> ports = exposer->GetListeningPorts();
  if (ports.empty()) {
    return absl::UnavailableError(absl::StrCat("metrics: no port listened on for ", listen));
  }
  exposer->RegisterCollectable(SharedRegistry());
  return std::unique_ptr<MetricsEndpoint>(new MetricsEndpoint(std::move(exposer), ports[0]));
}

}  // namespace jixiao::metrics
