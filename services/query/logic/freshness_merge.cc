#include "services/query/logic/freshness_merge.h"

#include <algorithm>

namespace jixiao::query {

jixiao::v1::Freshness MergeFreshness(absl::Span<const jixiao::v1::Freshness> parts,
                                     const jixiao::v1::SchemeRef& scheme, bool cache_failed) {
  jixiao::v1::Freshness merged;
  bool all_from_cache = !parts.empty();
  int64_t oldest_ms = 0;
  bool degraded = cache_failed;
  for (const jixiao::v1::Freshness& part : parts) {
    all_from_cache = all_from_cache && part.from_cache();
    oldest_ms = std::max(oldest_ms, part.age_ms());
    degraded = degraded || part.degraded();
    for (const jixiao::v1::ReportRef& report : part.reports()) *merged.add_reports() = report;
  }
  merged.set_from_cache(all_from_cache);
  merged.set_age_ms(oldest_ms);
  merged.set_degraded(degraded);
  *merged.mutable_scheme() = scheme;
  return merged;
}

}  // namespace jixiao::query
