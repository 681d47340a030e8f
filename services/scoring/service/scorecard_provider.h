#pragma once
// ScoreReport's work, apart from gRPC: resolve the scheme, look the scorecard
// up in the cache, else fetch the report from ingest, score it, cache the card
// and rank it.
//
// The cache is an optimisation, never a requirement: when Redis fails, the card
// is computed all the same and the answer says `degraded`, with a warning in
// the log. The cache key names the scheme version and the report version, so a
// hit is exactly what computing would give.
//
// Thread-safe: one provider serves every call of the service.
#include <string>

#include "absl/status/statusor.h"
#include "common/logging/logger.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/scorecard_cache.h"
#include "jixiao/v1/scoring_service.pb.h"
#include "services/scoring/scheme/scheme_set.h"
#include "services/scoring/service/report_source.h"

namespace jixiao::scoring {

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

  const SchemeSet& schemes() const { return *schemes_; }
  const std::string& default_scheme_id() const { return default_scheme_id_; }

 private:
  // A cached card, or nullopt on a miss. A Redis failure is a miss that marks
  // the answer degraded.
  std::optional<jixiao::v1::CachedScoreCard> Lookup(const score_cache::ScoreCardAddress& address,
                                                    bool& degraded) const;
  // Caches and ranks a computed card; a Redis failure marks the answer degraded.
  void Remember(const jixiao::v1::CachedScoreCard& entry, bool& degraded) const;
  void Rank(const jixiao::v1::ScoreCard& card, bool& degraded) const;
  void WarnDegraded(absl::string_view step, const absl::Status& failure) const;

  const SchemeSet* const schemes_;
  const std::string default_scheme_id_;
  ReportSource* const source_;
  score_cache::ScoreCardCache* const cache_;
  score_cache::RankingIndex* const rankings_;
  const logging::Logger logger_;
};

}  // namespace jixiao::scoring
