#include "services/query/query_service.h"

#include "common/server/grpc_status.h"
#include "common/server/run_blocking.h"

namespace jixiao::query {

QueryServiceImpl::QueryServiceImpl(WorkerPool& workers, QueryEngine& engine)
    : workers_(workers), engine_(engine) {}

grpc::ServerUnaryReactor* QueryServiceImpl::GetScoreCard(grpc::CallbackServerContext* context,
                                                         const grpc::ByteBuffer* request,
                                                         grpc::ByteBuffer* response) {
  return server::RunBlocking(context, workers_, [this, context, request, response] {
    grpc::Slice bytes;
    jixiao::v1::GetScoreCardRequest parsed;
    if (!request->DumpToSingleSlice(&bytes).ok() ||
        !parsed.ParseFromArray(bytes.begin(), static_cast<int>(bytes.size()))) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "not a jixiao.v1.GetScoreCardRequest");
    }
    absl::StatusOr<std::string> answer = engine_.GetScoreCard(context, parsed);
    if (!answer.ok()) return server::ToGrpcStatus(answer.status());
    const grpc::Slice slice(*answer);
    *response = grpc::ByteBuffer(&slice, 1);
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* QueryServiceImpl::Compare(grpc::CallbackServerContext* context,
                                                    const jixiao::v1::CompareRequest* request,
                                                    jixiao::v1::CompareResponse* response) {
  return server::RunBlocking(context, workers_, [this, context, request, response] {
    return server::ToGrpcStatus(engine_.Compare(context, *request, response));
  });
}

grpc::ServerUnaryReactor* QueryServiceImpl::Ranking(grpc::CallbackServerContext* context,
                                                    const jixiao::v1::RankingRequest* request,
                                                    jixiao::v1::RankingResponse* response) {
  return server::RunBlocking(context, workers_, [this, context, request, response] {
    return server::ToGrpcStatus(engine_.Ranking(context, *request, response));
  });
}

grpc::ServerUnaryReactor* QueryServiceImpl::Trend(grpc::CallbackServerContext* context,
                                                  const jixiao::v1::TrendRequest* request,
                                                  jixiao::v1::TrendResponse* response) {
  return server::RunBlocking(context, workers_, [this, context, request, response] {
    return server::ToGrpcStatus(engine_.Trend(context, *request, response));
  });
}

}  // namespace jixiao::query
