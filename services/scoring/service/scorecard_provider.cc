#include "services/scoring/service/scorecard_provider.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
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
  absl::StatusOr<const jixiao::v1::Scheme*> scheme =
      ResolveScheme(*schemes_, request.scheme(), default_scheme_id_);
  if (!scheme.ok()) return scheme.status();
  bool degraded = false;

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
  const score_cache::ScoreCardAddress address{RefOf(**scheme), report_id, version};
  if (std::optional<jixiao::v1::CachedScoreCard> hit = Lookup(address, degraded)) {
    // Ranked again in case the card was cached before its version was published.
    Rank(hit->scorecard(), degraded);
    const int64_t age_ms =
        std::max<int64_t>(0, absl::ToUnixMillis(absl::Now()) - hit->computed_at_unix_ms());
    return Answer(std::move(*hit->mutable_scorecard()), /*from_cache=*/true, age_ms, degraded);
  }
  if (!fetched.has_value()) {
    absl::StatusOr<FetchedReport> stored = source_->Fetch(incoming, report_id, version);
    if (!stored.ok()) return stored.status();
    fetched = *std::move(stored);
  }

  // The resolved scheme as the set prepared it when it was loaded (validated once).
  const PreparedScheme* prepared = schemes_->FindPrepared((*scheme)->id(), (*scheme)->version());
  if (prepared == nullptr) return absl::InternalError("a resolved scheme is not prepared");
  absl::StatusOr<jixiao::v1::ScoreCard> card = ScoreReport(fetched->report, *prepared);
  if (!card.ok()) return card.status();
  *card->mutable_report() = fetched->ref;
  jixiao::v1::CachedScoreCard entry;
  *entry.mutable_scorecard() = *std::move(card);
  entry.set_computed_at_unix_ms(absl::ToUnixMillis(absl::Now()));
  Remember(entry, degraded);
  return Answer(std::move(*entry.mutable_scorecard()), /*from_cache=*/false, 0, degraded);
}

std::optional<jixiao::v1::CachedScoreCard> ScoreCardProvider::Lookup(
    const score_cache::ScoreCardAddress& address, bool& degraded) const {
  if (cache_ == nullptr) return std::nullopt;
  absl::StatusOr<std::optional<jixiao::v1::CachedScoreCard>> hit = cache_->Get(address);
  if (!hit.ok()) {
    degraded = true;
    WarnDegraded("read", hit.status());
    return std::nullopt;
  }
  return *std::move(hit);
}

void ScoreCardProvider::Remember(const jixiao::v1::CachedScoreCard& entry, bool& degraded) const {
  if (cache_ == nullptr || degraded) return;
  if (absl::Status stored = cache_->Put(entry); !stored.ok()) {
    degraded = true;
    WarnDegraded("write", stored);
    return;
  }
  Rank(entry.scorecard(), degraded);
}

void ScoreCardProvider::Rank(const jixiao::v1::ScoreCard& card, bool& degraded) const {
  if (rankings_ == nullptr || degraded) return;
  if (absl::StatusOr<bool> ranked = rankings_->Add(card); !ranked.ok()) {
    degraded = true;
    WarnDegraded("rank", ranked.status());
  }
}

void ScoreCardProvider::WarnDegraded(absl::string_view step, const absl::Status& failure) const {
  logger_.Warn("cache_degraded", {{"step", step}, {"error", failure.ToString()}});
}

}  // namespace jixiao::scoring
