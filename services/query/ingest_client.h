#pragma once
// The ingest service as query calls it: the stored reports when the cache's
// catalog cannot be trusted. Owns its stub for the life of the service.
#include <grpcpp/channel.h>

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/query/query_call.h"

namespace jixiao::query {

class IngestClient {
 public:
  explicit IngestClient(std::shared_ptr<grpc::Channel> channel);

  // Every report `filter` selects (its page fields are ignored), all pages
  // read. A failed call keeps its gRPC code.
  absl::StatusOr<std::vector<jixiao::v1::ReportSummary>> ListAllReports(
      const QueryCall& call, const jixiao::v1::ListReportsRequest& filter);

 private:
  const std::unique_ptr<jixiao::v1::IngestService::Stub> stub_;
};

}  // namespace jixiao::query
