#pragma once

// jixiao_degraded_answers_total{grpc_method}: answers given without the cache because Redis
// failed (computed instead, and marked degraded in their freshness), by method.

#include "absl/strings/string_view.h"

namespace jixiao::metrics {

void CountDegradedAnswer(absl::string_view grpc_method);

}  // namespace jixiao::metrics
