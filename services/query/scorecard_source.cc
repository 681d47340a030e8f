#include "services/query/scorecard_source.h"

#include <algorithm>
#include <optional>

#include "absl/time/clock.h"
#include "services/query/logic/comparison_row.h"
#include "services/query/logic/scorecard_wire.h"

namespace jixiao::query {
namespace {

jixiao::v1::Freshness PartOf(const jixiao::v1::ReportRef& report, bool from_cache, int64_t age_ms,
                             bool degraded) {
  jixiao::v1::Freshness part;
  part.set_from_cache(from_cache);
  part.set_age_ms(std::max<int64_t>(age_ms, 0));  // a clock step must not make it negative
  part.set_degraded(degraded);
  *part.add_reports() = report;
  return part;
}

// The wanted cards whose version is known, the only ones the cache can hold,
// with their indices in `wanted`.
struct CacheAddresses {
  std::vector<size_t> indices;
  std::vector<score_cache::ScoreCardAddress> addresses;
};

CacheAddresses CacheAddressesOf(const jixiao::v1::SchemeRef& scheme,
                                absl::Span<const WantedCard> wanted) {
  CacheAddresses cache;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i].version <= 0) continue;
    cache.indices.push_back(i);
    cache.addresses.push_back({scheme, wanted[i].report_id, wanted[i].version});
  }
  return cache;
}

}  // namespace

ScoreCardSource::ScoreCardSource(ScoreCacheReader* cache, ScoringClient* scoring)
    : cache_(cache), scoring_(scoring) {}

std::vector<FetchedRow> ScoreCardSource::FetchRows(
    QueryCall& call, const jixiao::v1::SchemeRef& scheme, absl::Span<const WantedCard> wanted,
    absl::Span<const std::optional<jixiao::v1::CachedComparisonRow>> known) {
  std::vector<FetchedRow> fetched(wanted.size());
  std::vector<bool> found(wanted.size(), false);
  const int64_t now_ms = absl::ToUnixMillis(absl::Now());
  auto take = [&](size_t i, jixiao::v1::CachedComparisonRow& entry) {
    FetchedRow& result = fetched[i];
    result.row = std::move(*entry.mutable_row());
    result.freshness = PartOf(entry.report(), /*from_cache=*/true,
                              now_ms - entry.computed_at_unix_ms(), /*degraded=*/false);
    found[i] = true;
  };
  std::vector<WantedCard> unknown;
  std::vector<size_t> unknown_index;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (!known.empty() && known[i].has_value()) {
      jixiao::v1::CachedComparisonRow entry = *known[i];
      take(i, entry);
    } else {
      unknown.push_back(wanted[i]);
      unknown_index.push_back(i);
    }
  }
  const CacheAddresses cache = CacheAddressesOf(scheme, unknown);
  if (known.empty() && !cache.addresses.empty()) {
    if (auto entries = cache_->ComparisonRows(call, cache.addresses)) {
      for (size_t j = 0; j < cache.indices.size(); ++j) {
        std::optional<jixiao::v1::CachedComparisonRow>& entry = (*entries)[j];
        if (entry.has_value()) take(unknown_index[cache.indices[j]], *entry);
      }
    }
  }

  std::vector<size_t> missed;
  std::vector<WantedCard> rest;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (found[i]) continue;
    missed.push_back(i);
    rest.push_back(wanted[i]);
  }
  if (rest.empty()) return fetched;
  std::vector<FetchedCard> cards = Fetch(call, scheme, rest);
  std::vector<score_cache::ScoreCardAddress> derived_addresses;
  std::vector<jixiao::v1::CachedComparisonRow> derived;
  for (size_t j = 0; j < missed.size(); ++j) {
    FetchedRow& result = fetched[missed[j]];
    result.status = std::move(cards[j].status);
    if (!result.status.ok()) continue;
    const jixiao::v1::ScoreCard& card = cards[j].card;
    result.row = MakeComparisonRow(card);
    result.freshness = std::move(cards[j].freshness);
    if (card.report().version() <= 0 || call.cache_failed()) continue;
    jixiao::v1::CachedComparisonRow entry;
    *entry.mutable_row() = result.row;
    *entry.mutable_report() = card.report();
    entry.set_computed_at_unix_ms(now_ms - result.freshness.age_ms());
    derived_addresses.push_back({scheme, card.report().report_id(), card.report().version()});
    derived.push_back(std::move(entry));
  }
  if (!derived.empty()) cache_->PutComparisonRows(derived_addresses, derived);
  return fetched;
}

LatestCard ScoreCardSource::FetchLatest(QueryCall& call, const jixiao::v1::SchemeRef& scheme,
                                        const std::string& report_id) {
  WantedCard wanted{report_id, 0};
  const std::string ids[] = {report_id};
  if (auto latest = cache_->LatestScoreCards(call, scheme, ids); latest && latest->catalog_ready) {
    const score_cache::LatestScoreCard& found = latest->reports.front();
    std::optional<CachedCardWire> wire;
    // An entry that does not read as a cached card counts as a miss.
    if (found.cached_card.has_value()) wire = ReadCachedCardWire(*found.cached_card);
    if (wire.has_value()) {
      LatestCard answer;
      answer.scorecard_wire = std::string(wire->scorecard);
      answer.freshness = PartOf(wire->report, /*from_cache=*/true,
                                absl::ToUnixMillis(absl::Now()) - wire->computed_at_unix_ms,
                                /*degraded=*/false);
      return answer;
    }
    wanted.version = found.version;
  }
  FetchedCard fetched = std::move(Fetch(call, scheme, {&wanted, 1}).front());
  LatestCard answer;
  answer.status = std::move(fetched.status);
  if (answer.status.ok()) answer.scorecard_wire = fetched.card.SerializeAsString();
  answer.freshness = std::move(fetched.freshness);
  return answer;
}

std::vector<FetchedCard> ScoreCardSource::Fetch(QueryCall& call,
                                                const jixiao::v1::SchemeRef& scheme,
                                                absl::Span<const WantedCard> wanted) {
  std::vector<FetchedCard> fetched(wanted.size());
  std::vector<bool> cached(wanted.size(), false);

  const CacheAddresses cache = CacheAddressesOf(scheme, wanted);
  const std::vector<size_t>& cacheable = cache.indices;
  const std::vector<score_cache::ScoreCardAddress>& addresses = cache.addresses;
  if (!addresses.empty()) {
    if (auto entries = cache_->ScoreCards(call, addresses)) {
      const int64_t now_ms = absl::ToUnixMillis(absl::Now());
      for (size_t j = 0; j < cacheable.size(); ++j) {
        std::optional<jixiao::v1::CachedScoreCard>& entry = (*entries)[j];
        if (!entry.has_value()) continue;
        FetchedCard& result = fetched[cacheable[j]];
        result.card = std::move(*entry->mutable_scorecard());
        result.freshness = PartOf(result.card.report(), /*from_cache=*/true,
                                  now_ms - entry->computed_at_unix_ms(), /*degraded=*/false);
        cached[cacheable[j]] = true;
      }
    }
  }

  std::vector<size_t> missed;
  std::vector<jixiao::v1::ScoreReportRequest> requests;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (cached[i]) continue;
    missed.push_back(i);
    jixiao::v1::ScoreReportRequest request;
    request.mutable_report()->set_report_id(wanted[i].report_id);
    request.mutable_report()->set_version(wanted[i].version);
    request.mutable_scheme()->set_id(scheme.id());
    request.mutable_scheme()->set_version(scheme.version());
    requests.push_back(std::move(request));
  }
  if (requests.empty()) return fetched;
  std::vector<absl::StatusOr<jixiao::v1::ScoreReportResponse>> responses =
      scoring_->ScoreReports(call, requests);
  for (size_t j = 0; j < missed.size(); ++j) {
    FetchedCard& result = fetched[missed[j]];
    if (!responses[j].ok()) {
      result.status = responses[j].status();
      continue;
    }
    const jixiao::v1::Freshness& scored = responses[j]->freshness();
    result.card = std::move(*responses[j]->mutable_scorecard());
    result.freshness =
        PartOf(result.card.report(), scored.from_cache(), scored.age_ms(), scored.degraded());
  }
  return fetched;
}

}  // namespace jixiao::query
