#include "services/scoring/service/scorecard_provider.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/metrics/degraded_answers.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/service/scheme_resolution.h"

namespace jixiao::scoring {
namespace {

jixiao::v1::ScoreReportResponse Answer(jixiao::v1::ScoreCard card, bool from_cache, int64_t age_ms,
                                       bool degraded) {
  jixiao::v1::ScoreReportResponse response;
  jixiao::v1::Freshness& freshness = *response.mutable_freshness();
  freshness.set_from_cache(from_cache);
  freshness.set_age_ms(age_ms);
  freshness.set_degraded(degraded);
  if (degraded) metrics::CountDegradedAnswer("ScoreReport");
  *freshness.add_reports() = card.report();
  *freshness.mutable_scheme() = card.scheme();
  *response.mutable_scorecard() = std::move(card);
  return response;
}

}  // namespace

ScoreCardProvider::ScoreCardProvider(const SchemeSet* schemes, std::string default_scheme_id,
                                     ReportSource* source, score_cache::ScoreCardCache* cache,
                                     score_cache::RankingIndex* rankings, logging::Logger logger)
    : schemes_(schemes),
      default_scheme_id_(std::move(default_scheme_id)),
      source_(source),
      cache_(cache),
      rankings_(rankings),
      logger_(logger) {}

absl::StatusOr<jixiao::v1::ScoreReportResponse> ScoreCardProvider::Score(
    grpc::CallbackServerContext* incoming, const jixiao::v1::ScoreReportRequest& request) {
  const std::string& report_id = request.report().report_id();
  if (report_id.empty()) return absl::InvalidArgumentError("report.report_id: required");
  if (request.report().version() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "report.version: must be 0 (latest) or positive, got ", request.report().version()));
  }
  absl::StatusOr<const PreparedScheme*> scheme = Resolve(request.scheme());
  if (!scheme.ok()) return scheme.status();

  // With an explicit version the cache can answer before ingest is asked. For
  // "the latest", ingest (the store) says which version that is: the cache is
  // never trusted to know.
  std::optional<FetchedReport> fetched;
  int64_t version = request.report().version();
  if (version == 0) {
    absl::StatusOr<FetchedReport> latest = source_->Fetch(incoming, report_id, 0);
    if (!latest.ok()) return latest.status();
    version = latest->ref.version();
    fetched = *std::move(latest);
  }
  absl::StatusOr<ProvidedCard> provided =
      Provide(incoming, **scheme, report_id, version, std::move(fetched));
  if (!provided.ok()) return provided.status();
  const bool degraded = !provided->cache_failure.ok();
  if (degraded) {
    logger_.Warn("cache_degraded", {{"step", provided->failed_cache_step},
                                    {"error", provided->cache_failure.ToString()}});
  }
  const int64_t age_ms = provided->from_cache
                             ? std::max<int64_t>(0, absl::ToUnixMillis(absl::Now()) -
                                                        provided->entry.computed_at_unix_ms())
                             : 0;
  return Answer(std::move(*provided->entry.mutable_scorecard()), provided->from_cache, age_ms,
                degraded);
}

absl::StatusOr<const PreparedScheme*> ScoreCardProvider::Resolve(
    const jixiao::v1::SchemeRef& requested) const {
  absl::StatusOr<const jixiao::v1::Scheme*> scheme =
      ResolveScheme(*schemes_, requested, default_scheme_id_);
  if (!scheme.ok()) return scheme.status();
  // The resolved scheme as the set prepared it when it was loaded (validated once).
  const PreparedScheme* prepared = schemes_->FindPrepared((*scheme)->id(), (*scheme)->version());
  if (prepared == nullptr) return absl::InternalError("a resolved scheme is not prepared");
  return prepared;
}

absl::StatusOr<ProvidedCard> ScoreCardProvider::Provide(grpc::CallbackServerContext* incoming,
                                                        const PreparedScheme& scheme,
                                                        absl::string_view report_id,
                                                        int64_t version,
                                                        std::optional<FetchedReport> fetched) {
  ProvidedCard provided;
  const score_cache::ScoreCardAddress address{RefOf(scheme.scheme()), std::string(report_id),
                                              version};
  if (std::optional<jixiao::v1::CachedScoreCard> hit = Lookup(address, provided)) {
    provided.entry = *std::move(hit);
    provided.from_cache = true;
    Rank(provided);
    return provided;
  }
  if (!fetched.has_value()) {
    absl::StatusOr<FetchedReport> stored = source_->Fetch(incoming, report_id, version);
    if (!stored.ok()) return stored.status();
    fetched = *std::move(stored);
  }
  absl::StatusOr<jixiao::v1::ScoreCard> card = ScoreReport(fetched->report, scheme);
  if (!card.ok()) return card.status();
  *card->mutable_report() = fetched->ref;
  *provided.entry.mutable_scorecard() = *std::move(card);
  provided.entry.set_computed_at_unix_ms(absl::ToUnixMillis(absl::Now()));
  Remember(provided);
  return provided;
}

std::optional<jixiao::v1::CachedScoreCard> ScoreCardProvider::Lookup(
    const score_cache::ScoreCardAddress& address, ProvidedCard& provided) const {
  if (cache_ == nullptr) return std::nullopt;
  absl::StatusOr<std::optional<jixiao::v1::CachedScoreCard>> hit = cache_->Get(address);
  if (!hit.ok()) {
    Fail(provided, "read", hit.status());
    return std::nullopt;
  }
  return *std::move(hit);
}

void ScoreCardProvider::Remember(ProvidedCard& provided) const {
  if (cache_ == nullptr || !provided.cache_failure.ok()) return;
  if (absl::Status stored = cache_->Put(provided.entry); !stored.ok()) {
    Fail(provided, "write", std::move(stored));
    return;
  }
  Rank(provided);
}

void ScoreCardProvider::Rank(ProvidedCard& provided) const {
  if (rankings_ == nullptr || !provided.cache_failure.ok()) return;
  if (absl::StatusOr<bool> ranked = rankings_->Add(provided.entry.scorecard()); !ranked.ok()) {
    Fail(provided, "rank", ranked.status());
  }
}

void ScoreCardProvider::Fail(ProvidedCard& provided, absl::string_view step, absl::Status failure) {
  provided.failed_cache_step = std::string(step);
  provided.cache_failure = std::move(failure);
}

}  // namespace jixiao::scoring
