#pragma once
// Reports fetched from the ingest service with IngestService.GetReport. The
// channel and stub live as long as this object (gRPC 1.51 must never drop the
// last reference to a channel inside one of its own callbacks). Calls are
// synchronous: they run on the scoring service's worker pool, never on a gRPC
// thread.
#include <grpcpp/channel.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/scoring/service/report_source.h"

namespace jixiao::scoring {

class IngestReportSource : public ReportSource {
 public:
  // `address` is HOST:PORT (or any gRPC target). `timeout` bounds a call made
  // outside an incoming one; inside one, the caller's deadline applies.
  IngestReportSource(const std::string& address, absl::Duration timeout);

  absl::StatusOr<FetchedReport> Fetch(grpc::CallbackServerContext* incoming,
                                      absl::string_view report_id, int64_t version) override;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<jixiao::v1::IngestService::Stub> stub_;
  const absl::Duration timeout_;
};

}  // namespace jixiao::scoring
