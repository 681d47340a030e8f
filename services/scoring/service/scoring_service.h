#pragma once
// The gRPC face of the scoring service. Handlers stay thin: ScoreReport's work
// (which may wait on Redis and ingest) runs on the worker pool through
// RunBlocking; ScoreYear's reactor (score_year.h) runs its reports there too;
// the scheme calls answer from memory on the gRPC thread.
#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "services/scoring/service/score_year.h"
#include "services/scoring/service/scorecard_provider.h"

namespace jixiao::scoring {

class ScoringServiceImpl : public jixiao::v1::ScoringService::CallbackService {
 public:
  // The provider and the pool must outlive the service.
  ScoringServiceImpl(ScoreCardProvider* provider, WorkerPool* workers,
                     ScoreYearOptions score_year = {})
      : provider_(provider), workers_(workers), score_year_(score_year) {}

  grpc::ServerUnaryReactor* ScoreReport(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ScoreReportRequest* request,
                                        jixiao::v1::ScoreReportResponse* response) override;
  grpc::ServerUnaryReactor* ListSchemes(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListSchemesRequest* request,
                                        jixiao::v1::ListSchemesResponse* response) override;
  grpc::ServerUnaryReactor* GetScheme(grpc::CallbackServerContext* context,
                                      const jixiao::v1::GetSchemeRequest* request,
                                      jixiao::v1::GetSchemeResponse* response) override;
  grpc::ServerWriteReactor<jixiao::v1::ScoreYearProgress>* ScoreYear(
      grpc::CallbackServerContext* context, const jixiao::v1::ScoreYearRequest* request) override;

 private:
  ScoreCardProvider* const provider_;
  WorkerPool* const workers_;
  const ScoreYearOptions score_year_;
};

}  // namespace jixiao::scoring
