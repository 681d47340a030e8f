#pragma once

// A jixiao.bench.v1.EchoService for load tests that fails a known share of its
// calls, decided by the order they arrive in, so that the totals over any
// number of calls are exact whatever the concurrency or the timing:
//
//   call k (counting from 1) ends UNAVAILABLE when k is a multiple of 5;
//   of the others, the j-th ends INVALID_ARGUMENT when j is a multiple of 10;
//   the rest echo their payload with OK.
//
// Over 1000 calls: 200 UNAVAILABLE, 80 INVALID_ARGUMENT (a tenth of the other
// 800), 720 OK. The service also tallies what it answered, and the payloads
// in arrival order, so that a test can compare the load tool's counts with
// the server's own.

#include <grpcpp/support/status_code_enum.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "bench/echo/echo.grpc.pb.h"

namespace jixiao::load::testing {

class FailByCountEchoService final : public jixiao::bench::v1::EchoService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context,
                                 const jixiao::bench::v1::EchoRequest* request,
                                 jixiao::bench::v1::EchoResponse* response) override;

  // Calls answered so far, in total and by status code.
  int64_t calls() const;
  std::map<grpc::StatusCode, int64_t> answered() const;
  // Every call's payload, in the order the calls arrived.
  std::vector<std::string> payloads() const;

 private:
  mutable std::mutex mu_;
  int64_t calls_ = 0;                             // guarded by mu_
  int64_t not_unavailable_ = 0;                   // guarded by mu_: the j of the rule
  std::map<grpc::StatusCode, int64_t> answered_;  // guarded by mu_
  std::vector<std::string> payloads_;             // guarded by mu_
};

}  // namespace jixiao::load::testing
