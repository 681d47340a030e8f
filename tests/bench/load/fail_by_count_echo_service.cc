#include "tests/bench/load/fail_by_count_echo_service.h"

namespace jixiao::load::testing {

grpc::ServerUnaryReactor* FailByCountEchoService::Echo(
    grpc::CallbackServerContext* context, const jixiao::bench::v1::EchoRequest* request,
    jixiao::bench::v1::EchoResponse* response) {
  grpc::Status status = grpc::Status::OK;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++calls_;
    payloads_.push_back(request->payload());
    if (calls_ % 5 == 0) {
      status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "every fifth call");
    } else if (++not_unavailable_ % 10 == 0) {
      status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "every tenth of the others");
    }
    ++answered_[status.error_code()];
  }
  if (status.ok()) response->set_payload(request->payload());
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

int64_t FailByCountEchoService::calls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return calls_;
}

std::map<grpc::StatusCode, int64_t> FailByCountEchoService::answered() const {
  std::lock_guard<std::mutex> lock(mu_);
  return answered_;
}

std::vector<std::string> FailByCountEchoService::payloads() const {
  std::lock_guard<std::mutex> lock(mu_);
  return payloads_;
}

}  // namespace jixiao::load::testing
