#include "services/query/query_service.h"

#include "absl/strings/strip.h"
#include "common/platform/access/jurisdiction.h"
#include "common/platform/metrics/degraded_answers.h"
#include "common/platform/server/finish_now.h"
#include "common/platform/server/grpc_status.h"
#include "common/platform/server/run_blocking.h"

namespace jixiao::query {

QueryServiceImpl::QueryServiceImpl(WorkerPool& workers, QueryEngine& engine,
                                   access::CallerAuthenticator authenticator)
    : workers_(workers), engine_(engine), authenticator_(std::move(authenticator)) {}

grpc::ServerUnaryReactor* QueryServiceImpl::GetScoreCard(grpc::CallbackServerContext* context,
                                                         const grpc::ByteBuffer* request,
                                                         grpc::ByteBuffer* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  return server::RunBlocking(
      context, workers_, [this, context, request, response, caller = *std::move(caller)] {
        grpc::Slice bytes;
        jixiao::v1::GetScoreCardRequest parsed;
        if (!request->DumpToSingleSlice(&bytes).ok() ||
            !parsed.ParseFromArray(bytes.begin(), static_cast<int>(bytes.size()))) {
          return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                              "not a jixiao.v1.GetScoreCardRequest");
        }
        if (absl::Status allowed =
                access::CheckMayReadDetail(caller, access::DivisionOf(parsed.report_id()));
            !allowed.ok()) {
          return server::ToGrpcStatus(allowed);
        }
        absl::StatusOr<std::string> answer = engine_.GetScoreCard(context, parsed);
        if (!answer.ok()) return server::ToGrpcStatus(answer.status());
        const grpc::Slice slice(*answer);
        *response = grpc::ByteBuffer(&slice, 1);
        return grpc::Status::OK;
      });
}

template <auto kMethod, typename Request, typename Response>
grpc::ServerUnaryReactor* QueryServiceImpl::OnWorker(grpc::CallbackServerContext* context,
                                                     const Request* request, Response* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  return server::RunBlocking(context, workers_, [this, context, request, response] {
    const absl::Status status = (engine_.*kMethod)(context, *request, response);
    if (status.ok() && response->freshness().degraded()) {
      // "CompareRequest" answers the method Compare.
      metrics::CountDegradedAnswer(absl::StripSuffix(Request::descriptor()->name(), "Request"));
    }
    return server::ToGrpcStatus(status);
  });
}

grpc::ServerUnaryReactor* QueryServiceImpl::Compare(grpc::CallbackServerContext* context,
                                                    const jixiao::v1::CompareRequest* request,
                                                    jixiao::v1::CompareResponse* response) {
  return OnWorker<&QueryEngine::Compare>(context, request, response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::Ranking(grpc::CallbackServerContext* context,
                                                    const jixiao::v1::RankingRequest* request,
                                                    jixiao::v1::RankingResponse* response) {
  return OnWorker<&QueryEngine::Ranking>(context, request, response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::Trend(grpc::CallbackServerContext* context,
                                                  const jixiao::v1::TrendRequest* request,
                                                  jixiao::v1::TrendResponse* response) {
  return OnWorker<&QueryEngine::Trend>(context, request, response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::CohortStatistics(
    grpc::CallbackServerContext* context, const jixiao::v1::CohortStatisticsRequest* request,
    jixiao::v1::CohortStatisticsResponse* response) {
  return OnWorker<&QueryEngine::CohortStatistics>(context, request, response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::BudgetCredibility(
    grpc::CallbackServerContext* context, const jixiao::v1::BudgetCredibilityRequest* request,
    jixiao::v1::BudgetCredibilityResponse* response) {
  return OnWorker<&QueryEngine::BudgetCredibility>(context, request, response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListCohorts(
    grpc::CallbackServerContext* context, const jixiao::v1::ListCohortsRequest* /*request*/,
    jixiao::v1::ListCohortsResponse* response) {
  absl::StatusOr<access::Principal> caller = authenticator_.Authenticate(*context);
  if (!caller.ok()) return server::FinishNow(context, caller.status());
  for (const jixiao::v1::NamedCohort& cohort : engine_.cohorts().cohorts()) {
    *response->add_cohorts() = cohort;
  }
  return server::FinishNow(context, absl::OkStatus());
}

}  // namespace jixiao::query
