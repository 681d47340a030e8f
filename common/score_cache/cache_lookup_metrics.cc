#include "common/score_cache/cache_lookup_metrics.h"

#include <string>

#include "common/platform/metrics/metrics_registry.h"

namespace jixiao::score_cache {
namespace {

void Count(absl::string_view cache, const char* result, int64_t entries) {
  static auto& family = metrics::CounterFamily(
      "jixiao_cache_lookups_total", "Entries asked of the Redis cache, by what and outcome");
  if (entries <= 0) return;
  family.Add({{"cache", std::string(cache)}, {"result", result}})
      .Increment(static_cast<double>(entries));
}

}  // namespace

void CountCacheLookups(absl::string_view cache, int64_t hits, int64_t misses) {
  Count(cache, "hit", hits);
  Count(cache, "miss", misses);
}

void CountCacheErrors(absl::string_view cache, int64_t entries) { Count(cache, "error", entries); }

}  // namespace jixiao::score_cache
