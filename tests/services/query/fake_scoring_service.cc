#include "tests/services/query/fake_scoring_service.h"

#include <algorithm>
#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/server/run_blocking.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/scorecard_cache.h"

namespace jixiao::query::testing {

FakeScoringService::FakeScoringService(WorkerPool& workers, redis::RedisPool* pool)
    : workers_(workers), pool_(pool) {}

void FakeScoringService::AddScheme(const jixiao::v1::Scheme& scheme) {
  std::lock_guard<std::mutex> lock(mu_);
  schemes_.push_back(scheme);
}

void FakeScoringService::AddCard(const jixiao::v1::ScoreCard& card) {
  std::lock_guard<std::mutex> lock(mu_);
  cards_[{card.report().report_id(), card.report().version()}] = card;
}

void FakeScoringService::HoldUntilArrivals(int group) {
  std::lock_guard<std::mutex> lock(mu_);
  hold_group_ = group;
  arrivals_ = 0;
}

void FakeScoringService::ReleaseHolds() {
  std::lock_guard<std::mutex> lock(mu_);
  hold_group_ = 0;
  arrived_.notify_all();
}

int FakeScoringService::max_in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_in_flight_;
}

int FakeScoringService::score_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return score_calls_;
}

int FakeScoringService::list_scheme_calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return list_scheme_calls_;
}

std::vector<std::string> FakeScoringService::score_requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return score_requests_;
}

grpc::ServerUnaryReactor* FakeScoringService::ScoreReport(
    grpc::CallbackServerContext* context, const jixiao::v1::ScoreReportRequest* request,
    jixiao::v1::ScoreReportResponse* response) {
  // On the worker pool: writing to Redis blocks.
  return server::RunBlocking(context, workers_, [this, request, response] {
    {
      std::unique_lock<std::mutex> lock(mu_);
      max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
      if (hold_group_ > 0) {
        const int group_end = (arrivals_ / hold_group_ + 1) * hold_group_;
        ++arrivals_;
        arrived_.notify_all();
        arrived_.wait_for(lock, std::chrono::seconds(10),
                          [&] { return hold_group_ == 0 || arrivals_ >= group_end; });
      }
    }
    grpc::Status status = Score(*request, response);
    std::lock_guard<std::mutex> lock(mu_);
    --in_flight_;
    return status;
  });
}

grpc::Status FakeScoringService::Score(const jixiao::v1::ScoreReportRequest& request,
                                       jixiao::v1::ScoreReportResponse* response) {
  jixiao::v1::ScoreCard card;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++score_calls_;
    score_requests_.push_back(
        absl::StrCat(request.report().report_id(), "@", request.report().version()));
    const jixiao::v1::Scheme* scheme = nullptr;
    for (const jixiao::v1::Scheme& loaded : schemes_) {
      if (loaded.id() != request.scheme().id()) continue;
      if (request.scheme().version() == 0
              ? scheme == nullptr || loaded.version() > scheme->version()
              : loaded.version() == request.scheme().version()) {
        scheme = &loaded;
      }
    }
    if (scheme == nullptr) return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such scheme");
    const jixiao::v1::ScoreCard* found = nullptr;
    for (const auto& [key, stored] : cards_) {
      if (key.first != request.report().report_id()) continue;
      if (request.report().version() == 0
              ? found == nullptr || key.second > found->report().version()
              : key.second == request.report().version()) {
        found = &stored;
      }
    }
    if (found == nullptr) {
      return grpc::Status(grpc::StatusCode::NOT_FOUND,
                          absl::StrCat("report ", request.report().report_id(), " not found"));
    }
    card = *found;
    card.mutable_scheme()->set_id(scheme->id());
    card.mutable_scheme()->set_version(scheme->version());
    card.mutable_scheme()->set_content_hash(scheme->content_hash());
  }
  if (pool_ != nullptr) {
    // As scoring does: cache the card, then rank it (errors only cost the cache).
    jixiao::v1::CachedScoreCard entry;
    *entry.mutable_scorecard() = card;
    entry.set_computed_at_unix_ms(absl::ToUnixMillis(absl::Now()));
    score_cache::ScoreCardCache cache(pool_, absl::Hours(1));
    if (cache.Put(entry).ok()) score_cache::RankingIndex(pool_).Add(card).IgnoreError();
  }
  *response->mutable_scorecard() = card;
  response->mutable_freshness()->set_from_cache(false);
  *response->mutable_freshness()->add_reports() = card.report();
  *response->mutable_freshness()->mutable_scheme() = card.scheme();
  return grpc::Status::OK;
}

grpc::ServerUnaryReactor* FakeScoringService::ListSchemes(
    grpc::CallbackServerContext* context, const jixiao::v1::ListSchemesRequest* /*request*/,
    jixiao::v1::ListSchemesResponse* response) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++list_scheme_calls_;
    for (const jixiao::v1::Scheme& scheme : schemes_) *response->add_schemes() = scheme;
  }
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace jixiao::query::testing
