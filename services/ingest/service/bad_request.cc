#include "services/ingest/service/bad_request.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/platform/server/rich_error.h"

namespace jixiao::ingest {

absl::Status BadRequestError(absl::string_view subject,
                             const validation::FieldViolations& violations) {
  server::FieldViolations entries;
  entries.reserve(violations.size());
  for (const validation::FieldViolation& violation : violations) {
    google::rpc::BadRequest::FieldViolation& entry = entries.emplace_back();
    entry.set_field(violation.field);
    entry.set_description(violation.description);
  }
  return server::BadRequestError(subject, entries);
}

validation::FieldViolations UnderField(absl::string_view parent,
                                       validation::FieldViolations violations) {
  for (validation::FieldViolation& violation : violations) {
    violation.field = absl::StrCat(parent, ".", violation.field);
  }
  return violations;
}

validation::FieldViolations BadRequestViolations(const absl::Status& status) {
  validation::FieldViolations violations;
  for (google::rpc::BadRequest::FieldViolation& entry : server::BadRequestViolations(status)) {
    violations.push_back(
        {std::move(*entry.mutable_field()), std::move(*entry.mutable_description())});
  }
  return violations;
}

}  // namespace jixiao::ingest
