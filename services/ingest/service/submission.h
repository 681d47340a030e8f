#pragma once

// The domain steps of SubmitReport, free of gRPC and I/O so that they are unit
// tested on their own: validate the submitted report, normalize it, hash the
// normalized form and check its figures for consistency.

#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

struct PreparedReport {
  // The normalized report and its content hash (content_hash.h), ready for the
  // commit queue.
  ReportToStore to_store;
  // Consistency findings of the normalized report; they do not stop it being
  // stored. Their field paths are relative to the report, as Finding says.
  std::vector<jixiao::v1::Finding> warnings;
};

// A report with structural violations is refused whole: INVALID_ARGUMENT with
// a google.rpc.BadRequest payload (bad_request.h) whose field paths name the
// request's fields, e.g. "report.budget.initial.fen" or "report" when the
// request carries no report at all.
absl::StatusOr<PreparedReport> PrepareSubmission(const jixiao::v1::SubmitReportRequest& request);

}  // namespace jixiao::ingest
