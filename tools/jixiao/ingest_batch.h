#pragma once

// Sends many inputs to the ingest service with a bounded number of calls in
// flight: a few threads, each taking the next piece of work and making
// blocking calls with their own deadlines. Blocking calls keep this short and
// obviously correct; the service's group commit is what makes concurrent
// submissions cheap, and a handful of calls in flight is enough to feed it.
//
// A piece of work is one input, sent with one call (SubmitReport or
// ImportTargetTable), or with `bulk` a run of up to `reports_per_stream`
// inputs whose reports go on one SubmitReports stream (target tables still
// go to ImportTargetTable). A stream saves a round trip per report, and the
// service holds the client back by flow control rather than by refusals. Its
// answer holds a result per report, so streams are kept short enough for that
// answer to stay well under gRPC's 4 MiB default message limit.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/domain/table_import/report_identity.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/ingest_outcome.h"
#include "tools/jixiao/ingest_request.h"

namespace jixiao::cli {

inline constexpr int kDefaultIngestConcurrency = 16;
// With --bulk: the streams in flight. Each may have 256 reports in flight at
// the service, whose default worker queue takes 1024.
inline constexpr int kDefaultBulkConcurrency = 2;
inline constexpr int kReportsPerStream = 500;

struct IngestPlan {
  std::vector<IngestInput> inputs;
  // For target table text; see BuildIngestRequest.
  std::optional<table_import::ReportIdentity> owner;
  int concurrency = kDefaultIngestConcurrency;  // calls, or with `bulk` streams, in flight
  bool keep_json = false;                       // fill IngestOutcome::response_json
  bool bulk = false;
  int reports_per_stream = kReportsPerStream;
};

// Called once per input as it completes, never concurrently; `done` counts the
// inputs completed so far, this one included.
using IngestProgressCallback = std::function<void(size_t done, const IngestOutcome& outcome)>;

// One outcome per input, in the order of `plan.inputs`.
std::vector<IngestOutcome> IngestInputs(const IngestPlan& plan, const ServiceEndpoint& endpoint,
                                        jixiao::v1::IngestService::StubInterface& stub,
                                        const IngestProgressCallback& on_done);

}  // namespace jixiao::cli
