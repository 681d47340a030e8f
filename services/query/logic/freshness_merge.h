#pragma once
// The freshness of an answer assembled from several scorecards, each of which
// came from the cache or from scoring with a freshness of its own.
#include "absl/types/span.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scoring_service.pb.h"

namespace jixiao::query {

// Every part's report refs, in order; from_cache only when there are parts
// and every one came from the cache; age_ms the oldest part's; degraded when
// any part was, or when `cache_failed` (the cache could not be read for this
// answer). The parts' scheme fields are ignored: `scheme` is the answer's.
jixiao::v1::Freshness MergeFreshness(absl::Span<const jixiao::v1::Freshness> parts,
                                     const jixiao::v1::SchemeRef& scheme, bool cache_failed);

}  // namespace jixiao::query
