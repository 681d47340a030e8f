#pragma once
// Scorecards for a query: from the cache when there (one MGET for them all),
// otherwise from scoring, whose answers are fetched concurrently. A cached card
// is only looked up for a known report version: keys name the version, so a
// card of an older version can never be served for a newer one.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "jixiao/v1/scoring_service.pb.h"
#include "services/query/query_call.h"
#include "services/query/score_cache_reader.h"
#include "services/query/scoring_client.h"

namespace jixiao::query {

struct WantedCard {
  std::string report_id;
  // The latest version as the catalog or ingest gave it; 0 when unknown: then
  // the cache is skipped and scoring resolves the latest version itself.
  int64_t version = 0;
};

struct FetchedCard {
  absl::Status status;  // scoring's error (code kept) when no card came back
  jixiao::v1::ScoreCard card;
  // This card's part of the answer's freshness: its report ref, whether it
  // came from a cache, its age, and whether scoring answered degraded.
  jixiao::v1::Freshness freshness;
};

struct FetchedRow {
  absl::Status status;  // as FetchedCard's
  jixiao::v1::ComparisonRow row;
  jixiao::v1::Freshness freshness;  // as FetchedCard's
};

struct LatestCard {
  absl::Status status;         // as FetchedCard's
  std::string scorecard_wire;  // serialized jixiao.v1.ScoreCard
  jixiao::v1::Freshness freshness;
};

class ScoreCardSource {
 public:
  // Both must outlive the source.
  ScoreCardSource(ScoreCacheReader* cache, ScoringClient* scoring);

  // One result per wanted card, in order. `scheme` must be resolved.
  std::vector<FetchedCard> Fetch(QueryCall& call, const jixiao::v1::SchemeRef& scheme,
                                 absl::Span<const WantedCard> wanted);

  // One comparison row per wanted card, in order: cached rows (one MGET) for
  // known versions, the rest derived from the cards as Fetch finds them, and
  // then cached for the next comparison.
  // `known` is empty, or the cache's rows for every wanted card as the caller
  // already read them (nullopt: a miss): then the cache is not asked again.
  std::vector<FetchedRow> FetchRows(
      QueryCall& call, const jixiao::v1::SchemeRef& scheme, absl::Span<const WantedCard> wanted,
      absl::Span<const std::optional<jixiao::v1::CachedComparisonRow>> known = {});

  // The card of a report's latest version, serialized: from the cache in one
  // round trip, and passed through unparsed, when the catalog is ready and the
  // card cached; else as Fetch finds it (the version from the catalog when it
  // knows it, else scoring resolves it).
  LatestCard FetchLatest(QueryCall& call, const jixiao::v1::SchemeRef& scheme,
                         const std::string& report_id);

 private:
  ScoreCacheReader* const cache_;
  ScoringClient* const scoring_;
};

}  // namespace jixiao::query
