#pragma once

// The ingest service refuses a request for its fields with the rich error of
// common/platform/server/rich_error.h: INVALID_ARGUMENT, a summary message and
// a google.rpc.BadRequest payload. The validators report in the domain's
// validation::FieldViolation, which the platform does not know; these take
// and give that type.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/domain/validation/field_violation.h"

namespace jixiao::ingest {

// server::BadRequestError for the validators' violations (at least one).
absl::Status BadRequestError(absl::string_view subject,
                             const validation::FieldViolations& violations);

// The validators name fields relative to the message they check
// ("budget.initial.fen"); a request names them from its own root
// ("report.budget.initial.fen"). Prefixes every path with `parent` and a dot.
validation::FieldViolations UnderField(absl::string_view parent,
                                       validation::FieldViolations violations);

// The violations `status` carries, in order; empty when it carries none.
validation::FieldViolations BadRequestViolations(const absl::Status& status);

}  // namespace jixiao::ingest
