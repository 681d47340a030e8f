#include "services/ingest/service/submission.h"

#include <utility>

#include "common/domain/content_hash/content_hash.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"
#include "services/ingest/service/bad_request.h"

namespace jixiao::ingest {

absl::StatusOr<PreparedReport> PrepareSubmission(const jixiao::v1::SubmitReportRequest& request) {
  // An absent report would otherwise come back as a dozen "is required"
  // violations of an empty one.
  if (!request.has_report()) return BadRequestError("report", {{"report", "is required"}});
  if (validation::FieldViolations violations = validation::ValidateReport(request.report());
      !violations.empty()) {
    return BadRequestError("report", UnderField("report", std::move(violations)));
  }
  PreparedReport prepared;
  prepared.to_store.report = normalization::NormalizeReport(request.report());
  prepared.to_store.content_hash = content_hash::ContentHash(prepared.to_store.report);
  prepared.warnings = validation::CheckReportConsistency(prepared.to_store.report);
  return prepared;
}

}  // namespace jixiao::ingest
