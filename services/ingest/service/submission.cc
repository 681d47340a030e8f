#include "services/ingest/service/submission.h"

#include <utility>

#include "services/ingest/normalization/report_normalizer.h"
#include "services/ingest/service/bad_request.h"
#include "services/ingest/service/content_hash.h"
#include "services/ingest/validation/consistency_checker.h"
#include "services/ingest/validation/report_validator.h"

namespace jixiao::ingest {

absl::StatusOr<PreparedReport> PrepareSubmission(const jixiao::v1::SubmitReportRequest& request) {
  // An absent report would otherwise come back as a dozen "is required"
  // violations of an empty one.
  if (!request.has_report()) return BadRequestError("report", {{"report", "is required"}});
  if (FieldViolations violations = ValidateReport(request.report()); !violations.empty()) {
    return BadRequestError("report", UnderField("report", std::move(violations)));
  }
  PreparedReport prepared;
  prepared.to_store.report = NormalizeReport(request.report());
  prepared.to_store.content_hash = ContentHash(prepared.to_store.report);
  prepared.warnings = CheckReportConsistency(prepared.to_store.report);
  return prepared;
}

}  // namespace jixiao::ingest
