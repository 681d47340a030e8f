#pragma once
// ScoreReport's work, apart from gRPC: resolve the scheme, look the scorecard
// up in the cache, else fetch the report from ingest, score it, cache the card
// and rank it. ScoreYear does the same for each report of a year (Provide).
//
// The cache is an optimisation, never a requirement: when Redis fails, the card
// is computed all the same and the answer says `degraded`, with a warning in
// the log. The cache key names the scheme version and the report version, so a
// hit is exactly what computing would give.
//
// Thread-safe: one provider serves every call of the service.
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/platform/logging/logger.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/scorecard_cache.h"
#include "jixiao/v1/scoring_service.pb.h"
#include "services/scoring/scheme/scheme_set.h"
#include "services/scoring/service/report_source.h"

namespace jixiao::scoring {

// One report version's card as Provide found or made it.
struct ProvidedCard {
  jixiao::v1::CachedScoreCard entry;  // the card, and when it was computed
  bool from_cache = false;
  // The first Redis step that failed ("read", "write" or "rank") and why; once
  // one fails, Redis is left alone for this card. Empty and OK when none did.
  std::string failed_cache_step;
  absl::Status cache_failure;
};

class ScoreCardProvider {
 public:
  // Everything must outlive the provider. `cache` and `rankings` are both set
  // (Redis configured) or both null (no cache: every answer computed).
  ScoreCardProvider(const SchemeSet* schemes, std::string default_scheme_id, ReportSource* source,
                    score_cache::ScoreCardCache* cache, score_cache::RankingIndex* rankings,
                    logging::Logger logger);

  // `incoming` is the call being served (its deadline carries over), or null.
  absl::StatusOr<jixiao::v1::ScoreReportResponse> Score(
      grpc::CallbackServerContext* incoming, const jixiao::v1::ScoreReportRequest& request);

  // The loaded scheme a request names (an empty id: the default; version 0: the
  // latest), as the set prepared it when it was loaded.
  absl::StatusOr<const PreparedScheme*> Resolve(const jixiao::v1::SchemeRef& requested) const;

  // The card of one report version (> 0) under a resolved scheme, cache-aside:
  // the cached card when there is one (ranked again, in case it was cached
  // before its version was published), else the report (`fetched` when the
  // caller already has that version) scored, cached and ranked. Fails only when
  // the report cannot be fetched or scored; Redis failures are reported in the
  // result.
  absl::StatusOr<ProvidedCard> Provide(grpc::CallbackServerContext* incoming,
                                       const PreparedScheme& scheme, absl::string_view report_id,
                                       int64_t version, std::optional<FetchedReport> fetched);

  const SchemeSet& schemes() const { return *schemes_; }
  const std::string& default_scheme_id() const { return default_scheme_id_; }
  ReportSource& reports() const { return *source_; }
  // Whether Redis is configured: cards are cached and ranked.
  bool caching() const { return cache_ != nullptr; }

 private:
  // A cached card, or nullopt on a miss. A Redis failure is a miss recorded in `provided`.
  std::optional<jixiao::v1::CachedScoreCard> Lookup(const score_cache::ScoreCardAddress& address,
                                                    ProvidedCard& provided) const;
  // Caches and ranks a computed card, unless Redis has already failed.
  void Remember(ProvidedCard& provided) const;
  void Rank(ProvidedCard& provided) const;
  static void Fail(ProvidedCard& provided, absl::string_view step, absl::Status failure);

  const SchemeSet* const schemes_;
  const std::string default_scheme_id_;
  ReportSource* const source_;
  score_cache::ScoreCardCache* const cache_;
  score_cache::RankingIndex* const rankings_;
  const logging::Logger logger_;
};

}  // namespace jixiao::scoring
