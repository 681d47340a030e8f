#pragma once
// The gRPC face of the scoring service. Handlers stay thin: ScoreReport's work
// (which may wait on Redis and ingest) runs on the worker pool through
// RunBlocking; the scheme calls answer from memory on the gRPC thread.
#include "common/worker_pool/worker_pool.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "services/scoring/service/scorecard_provider.h"

namespace jixiao::scoring {

class ScoringServiceImpl : public jixiao::v1::ScoringService::CallbackService {
 public:
  // Both must outlive the service.
  ScoringServiceImpl(ScoreCardProvider* provider, WorkerPool* workers)
      : provider_(provider), workers_(workers) {}

  grpc::ServerUnaryReactor* ScoreReport(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ScoreReportRequest* request,
                                        jixiao::v1::ScoreReportResponse* response) override;
  grpc::ServerUnaryReactor* ListSchemes(grpc::CallbackServerContext* context,
                                        const jixiao::v1::ListSchemesRequest* request,
                                        jixiao::v1::ListSchemesResponse* response) override;
  grpc::ServerUnaryReactor* GetScheme(grpc::CallbackServerContext* context,
                                      const jixiao::v1::GetSchemeRequest* request,
                                      jixiao::v1::GetSchemeResponse* response) override;

 private:
  ScoreCardProvider* const provider_;
  WorkerPool* const workers_;
};

}  // namespace jixiao::scoring
