#pragma once
// The gRPC face of the scoring service. Handlers stay thin: ScoreReport's work
// (which may wait on Redis and ingest) runs on the worker pool through
// RunBlocking; ScoreYear's reactor (score_year.h) runs its reports there too;
// the scheme calls answer from memory on the gRPC thread.
//
// Every call is first authenticated (caller_authenticator.h): a scorecard, indicator by
// indicator, is for readers of its division; rescoring a year is for service principals.
#include "common/platform/access/caller_authenticator.h"
#include "common/platform/worker_pool/worker_pool.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "services/scoring/service/score_year.h"
#include "services/scoring/service/scorecard_provider.h"

namespace jixiao::scoring {

class ScoringServiceImpl : public jixiao::v1::ScoringService::CallbackService {
 public:
  // The provider and the pool must outlive the service.
  ScoringServiceImpl(ScoreCardProvider* provider, WorkerPool* workers,
                     ScoreYearOptions score_year = {},
                     access::CallerAuthenticator authenticator = access::CallerAuthenticator())
      : provider_(provider),
        workers_(workers),
        score_year_(score_year),
        authenticator_(std::move(authenticator)) {}

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
  const access::CallerAuthenticator authenticator_;
};

}  // namespace jixiao::scoring
