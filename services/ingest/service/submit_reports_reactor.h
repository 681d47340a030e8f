#pragma once

// The reactor of one SubmitReports stream. Each report read goes through the
// ReportSubmitter as a SubmitReport call would (report_submitter.h); the
// SubmitReportsLedger (submit_reports_ledger.h) keeps the results in stream
// order and the number in flight bounded, and says when to read and when to
// finish.
//
// Reading is the flow control: the next read starts only while fewer than
// `max_in_flight` reports await their answer, so a fast client is held back
// by gRPC's flow control, and a stream never holds more than that many
// reports in memory however long it is. The response goes out once the client
// has half-closed and every report read has its answer — every accepted one
// durable and published. A cancelled call (the client, its deadline, the end
// of a drain) reads no further and finishes with CANCELLED once the reports
// already read are answered: nothing is abandoned half-way, and the reactor,
// which deletes itself in OnDone, is still there for every answer.

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>

#include "common/platform/logging/logger.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "services/ingest/service/report_submitter.h"

namespace jixiao::ingest {

// The default bound: one full group commit (--commit-batch, 256 by default)
// per stream, and a quarter of the default worker queue (1024), so that one
// stream alone cannot fill the pool and see its own reports refused.
inline constexpr int kMaxReportsInFlightPerStream = 256;

// A reactor that starts reading at once; the handler returns it. `submitter`
// must outlive the call, and every report goes in as `caller`'s (the service outlives its server).
// `context` and `response` are the ones gRPC gives the handler.
grpc::ServerReadReactor<jixiao::v1::SubmitReportRequest>* NewSubmitReportsReactor(
    ReportSubmitter& submitter, access::Principal caller, grpc::CallbackServerContext* context,
    jixiao::v1::SubmitReportsResponse* response, logging::Logger logger,
    int max_in_flight = kMaxReportsInFlightPerStream);

}  // namespace jixiao::ingest
