#pragma once
// Reports fetched from the ingest service with IngestService.GetReport, and
// listed with ListReports. The channel and stub live as long as this object
// (gRPC 1.51 must never drop the last reference to a channel inside one of its
// own callbacks). Calls are synchronous: they run on the scoring service's
// worker pool, never on a gRPC thread.
#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/scoring/service/report_source.h"

namespace jixiao::scoring {

class IngestReportSource : public ReportSource {
 public:
  // `channel` leads to the ingest service. `timeout` bounds each call; inside an
  // incoming call, the caller's deadline may end it sooner.
  IngestReportSource(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout);

  absl::StatusOr<FetchedReport> Fetch(grpc::CallbackServerContext* incoming,
                                      absl::string_view report_id, int64_t version) override;

  // Pages of ingest's largest size, so that a year takes the fewest round trips.
  absl::StatusOr<ReportPage> ListYear(grpc::CallbackServerContext* incoming, int fiscal_year,
                                      absl::string_view page_token) override;

 private:
  std::unique_ptr<grpc::ClientContext> CallContext(grpc::CallbackServerContext* incoming) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<jixiao::v1::IngestService::Stub> stub_;
  const absl::Duration timeout_;
};

}  // namespace jixiao::scoring
