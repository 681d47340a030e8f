#pragma once

// The footer under every answer of the query service: which scheme version
// scored it and how fresh it is, because a cached comparison may predate the
// latest report versions by up to the cache's lifetime.

#include <cstdint>
#include <string>

#include "jixiao/v1/scoring_service.pb.h"

namespace jixiao::cli {

// "850 ms", "12.3 s", "4 min 5 s", "2 h 13 min".
std::string FormatAge(int64_t age_ms);

// One line, e.g.
//   "freshness: scheme guangzhou-department@1 (sha256 3f2a9c01d4e5), from cache, age 12.3 s, 4
//   reports" "freshness: scheme guangzhou-department@1, computed now, degraded (cache unavailable)"
std::string FreshnessFooter(const jixiao::v1::Freshness& freshness);

}  // namespace jixiao::cli
