#include "services/scoring/service/scoring_service.h"

#include "common/platform/access/jurisdiction.h"
#include "common/platform/server/finish_now.h"
#include "common/platform/server/grpc_status.h"
#include "common/platform/server/run_blocking.h"
#include "services/scoring/service/scheme_resolution.h"

namespace jixiao::scoring {

grpc::ServerUnaryReactor* ScoringServiceImpl::ScoreReport(
    grpc::CallbackServerContext* context, const jixiao::v1::ScoreReportRequest* request,
    jixiao::v1::ScoreReportResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  if (absl::Status allowed =
          access::CheckMayReadDetail(*caller, access::DivisionOf(request->report().report_id()));
      !allowed.ok()) {
    return server::FinishNow(context, allowed);
  }
  return server::RunBlocking(context, *workers_, [this, context, request, response] {
    absl::StatusOr<jixiao::v1::ScoreReportResponse> answer = provider_->Score(context, *request);
    if (!answer.ok()) return server::ToGrpcStatus(answer.status());
    *response = *std::move(answer);
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* ScoringServiceImpl::ListSchemes(
    grpc::CallbackServerContext* context, const jixiao::v1::ListSchemesRequest* /*request*/,
    jixiao::v1::ListSchemesResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  for (const jixiao::v1::Scheme* scheme : provider_->schemes().All()) {
    *response->add_schemes() = *scheme;
  }
  return server::FinishNow(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* ScoringServiceImpl::GetScheme(grpc::CallbackServerContext* context,
                                                        const jixiao::v1::GetSchemeRequest* request,
                                                        jixiao::v1::GetSchemeResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  absl::StatusOr<const jixiao::v1::Scheme*> scheme =
      ResolveScheme(provider_->schemes(), request->scheme(), provider_->default_scheme_id());
  if (!scheme.ok()) return server::FinishNow(context, scheme.status());
  *response->mutable_scheme() = **scheme;
  return server::FinishNow(context, absl::OkStatus());
}

grpc::ServerWriteReactor<jixiao::v1::ScoreYearProgress>* ScoringServiceImpl::ScoreYear(
    grpc::CallbackServerContext* context, const jixiao::v1::ScoreYearRequest* request) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  absl::Status allowed =
      caller.ok() ? access::CheckIsService(*caller, "rescore a year") : caller.status();
  if (!allowed.ok()) return server::FinishStreamNow<jixiao::v1::ScoreYearProgress>(allowed);
  return StartScoreYear(context, *request, *provider_, *workers_, score_year_);
}

}  // namespace jixiao::scoring
