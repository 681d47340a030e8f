#include "common/platform/metrics/degraded_answers.h"

#include <string>

#include "common/platform/metrics/metrics_registry.h"

namespace jixiao::metrics {

void CountDegradedAnswer(absl::string_view grpc_method) {
  static auto& family =
      CounterFamily("jixiao_degraded_answers_total",
                    "Answers computed without the cache because Redis failed, by method");
  family.Add({{"grpc_method", std::string(grpc_method)}}).Increment();
}

}  // namespace jixiao::metrics
