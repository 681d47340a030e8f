#pragma once

// Sends many files to the ingest service with a bounded number of calls in
// flight: a few threads, each taking the next file, building its request and
// making a blocking call with its own deadline. Blocking calls keep this short
// and obviously correct; the service's group commit is what makes concurrent
// submissions cheap, and a handful of calls in flight is enough to feed it.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/ingest_outcome.h"
#include "tools/jixiao/target_table_owner.h"

namespace jixiao::cli {

inline constexpr int kDefaultIngestConcurrency = 16;

struct IngestPlan {
  std::vector<std::string> files;
  // For target table text; see BuildIngestRequest.
  std::optional<TargetTableOwner> owner;
  int concurrency = kDefaultIngestConcurrency;
  bool keep_json = false;  // fill IngestOutcome::response_json
};

// Called once per file as it completes, never concurrently; `done` counts the
// files completed so far, this one included.
using IngestProgressCallback = std::function<void(size_t done, const IngestOutcome& outcome)>;

// One outcome per file, in the order of `plan.files`.
std::vector<IngestOutcome> IngestFiles(const IngestPlan& plan, const ServiceEndpoint& endpoint,
                                       jixiao::v1::IngestService::StubInterface& stub,
                                       const IngestProgressCallback& on_done);

}  // namespace jixiao::cli
