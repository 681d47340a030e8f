#pragma once
// jixiao.v1.QueryService over gRPC's callback API. The handlers only hand the
// work to the worker pool (RunBlocking), where QueryEngine blocks on Redis and
// the downstream services; no gRPC thread waits on I/O.
//
// GetScoreCard is registered raw (request and response as bytes): its answer
// is usually a cached scorecard passed through unparsed, so the response is
// written by QueryEngine as bytes rather than as a message to serialize.
//
// Every call is first authenticated (caller_authenticator.h). A scorecard, indicator by
// indicator, is for readers of its division; the comparisons (totals, group points,
// grades, ranks, statistics) are aggregates, open to every caller the policy knows.
#include "common/platform/access/caller_authenticator.h"
#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/query_service.grpc.pb.h"
#include "services/query/query_engine.h"

namespace jixiao::query {

class QueryServiceImpl final : public jixiao::v1::QueryService::WithRawCallbackMethod_GetScoreCard<
                                   jixiao::v1::QueryService::CallbackService> {
 public:
  // Both must outlive the service (which must outlive the server running it).
  QueryServiceImpl(WorkerPool& workers, QueryEngine& engine,
                   access::CallerAuthenticator authenticator = access::CallerAuthenticator());

  grpc::ServerUnaryReactor* GetScoreCard(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* Compare(grpc::CallbackServerContext* context,
                                    const jixiao::v1::CompareRequest* request,
                                    jixiao::v1::CompareResponse* response) override;
  grpc::ServerUnaryReactor* Ranking(grpc::CallbackServerContext* context,
                                    const jixiao::v1::RankingRequest* request,
                                    jixiao::v1::RankingResponse* response) override;
  grpc::ServerUnaryReactor* Trend(grpc::CallbackServerContext* context,
                                  const jixiao::v1::TrendRequest* request,
                                  jixiao::v1::TrendResponse* response) override;
  grpc::ServerUnaryReactor* CohortStatistics(
      grpc::CallbackServerContext* context, const jixiao::v1::CohortStatisticsRequest* request,
      jixiao::v1::CohortStatisticsResponse* response) override;
  grpc::ServerUnaryReactor* BudgetCredibility(
      grpc::CallbackServerContext* context, const jixiao::v1::BudgetCredibilityRequest* request,
      jixiao::v1::BudgetCredibilityResponse* response) override;
  // From memory, on the gRPC thread.
  grpc::ServerUnaryReactor* ListCohorts(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListCohortsRequest* request,
                                        jixiao::v1::ListCohortsResponse* response) override;

 private:
  // Runs an engine method on the worker pool (it blocks on Redis and
  // downstream calls) and finishes the call with its status. The method is a
  // template argument, so the worker calls it directly: GCC 12 built with
  // -fsanitize=address,undefined miscompiles a call through a pointer to
  // member held in the closure (it dereferences a shadow-memory address).
  template <auto kMethod, typename Request, typename Response>
  grpc::ServerUnaryReactor* OnWorker(grpc::CallbackServerContext* context, const Request* request,
                                     Response* response);

  WorkerPool& workers_;
  QueryEngine& engine_;
  const access::CallerAuthenticator authenticator_;
};

}  // namespace jixiao::query
