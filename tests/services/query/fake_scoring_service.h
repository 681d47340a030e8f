#pragma once
// A scoring service for query's tests: it "computes" the scorecards it was
// given, and, like the real one, caches what it computes in Redis and ranks it
// (when given a pool). It counts its calls and remembers what was asked.
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "common/platform/redis/redis_pool.h"
#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"

namespace jixiao::query::testing {

class FakeScoringService final : public jixiao::v1::ScoringService::CallbackService {
 public:
  // `pool` may be null (no caching); both must outlive the service.
  FakeScoringService(WorkerPool& workers, redis::RedisPool* pool);

  void AddScheme(const jixiao::v1::Scheme& scheme);
  // The card scoring answers for its report id and version (the latest
  // version of a report is the highest added).
  void AddCard(const jixiao::v1::ScoreCard& card);

  // From now on each ScoreReport call waits (at most 10 s) until `group`
  // calls have arrived in its group of `group`: only a client that keeps that
  // many calls in flight gets answers without the wait.
  void HoldUntilArrivals(int group);
  // Ends the holding: waiting calls go on at once.
  void ReleaseHolds();

  int score_calls() const;
  // The most ScoreReport calls that were being answered at once.
  int max_in_flight() const;
  int list_scheme_calls() const;
  // "report_id@version" of every ScoreReport request, in arrival order.
  std::vector<std::string> score_requests() const;

  grpc::ServerUnaryReactor* ScoreReport(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ScoreReportRequest* request,
                                        jixiao::v1::ScoreReportResponse* response) override;
  grpc::ServerUnaryReactor* ListSchemes(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListSchemesRequest* request,
                                        jixiao::v1::ListSchemesResponse* response) override;

 private:
  grpc::Status Score(const jixiao::v1::ScoreReportRequest& request,
                     jixiao::v1::ScoreReportResponse* response);

  WorkerPool& workers_;
  redis::RedisPool* const pool_;
  mutable std::mutex mu_;
  std::vector<jixiao::v1::Scheme> schemes_;                                 // guarded by mu_
  std::map<std::pair<std::string, int64_t>, jixiao::v1::ScoreCard> cards_;  // guarded by mu_
  std::condition_variable arrived_;
  int hold_group_ = 0;                       // guarded by mu_
  int arrivals_ = 0;                         // guarded by mu_
  int in_flight_ = 0;                        // guarded by mu_
  int max_in_flight_ = 0;                    // guarded by mu_
  int score_calls_ = 0;                      // guarded by mu_
  int list_scheme_calls_ = 0;                // guarded by mu_
  std::vector<std::string> score_requests_;  // guarded by mu_
};

}  // namespace jixiao::query::testing
