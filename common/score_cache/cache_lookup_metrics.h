#pragma once

// jixiao_cache_lookups_total{cache,result}: each entry asked of the Redis cache, counted as a
// `hit`, a `miss` (absent, expired or unreadable), or an `error` when Redis could not be asked
// (then every entry asked counts once). `cache` names what was read: `scorecard`,
// `comparison_row`, `latest_scorecard`.

#include <cstdint>

#include "absl/strings/string_view.h"

namespace jixiao::score_cache {

void CountCacheLookups(absl::string_view cache, int64_t hits, int64_t misses);
void CountCacheErrors(absl::string_view cache, int64_t entries);

}  // namespace jixiao::score_cache
