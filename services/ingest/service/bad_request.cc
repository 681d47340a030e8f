#include "services/ingest/service/bad_request.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace jixiao::ingest {
namespace {

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence, and
// marks the cut.
std::string Truncate(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr absl::string_view kEllipsis = "…";
  size_t end = max_bytes - kEllipsis.size();
  // Back off continuation bytes (10xxxxxx) to the start of a character.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return absl::StrCat(text.substr(0, end), kEllipsis);
}

// What a validation::FieldViolation adds to the serialized BadRequest: the entry itself,
// plus its tag and length prefix (at most 1 + 2 bytes at these sizes).
size_t EntryBytes(const google::rpc::BadRequest::FieldViolation& violation) {
  return violation.ByteSizeLong() + 3;
}

}  // namespace

absl::Status BadRequestError(absl::string_view subject,
                             const validation::FieldViolations& violations) {
  if (violations.empty()) return absl::InternalError("BadRequestError without violations");

  google::rpc::BadRequest bad_request;
  // Room kept for the closing "N more" entry.
  constexpr size_t kNoteBytes = 96;
  size_t bytes = 0;
  size_t listed = 0;
  for (const validation::FieldViolation& violation : violations) {
    google::rpc::BadRequest::FieldViolation entry;
    entry.set_field(violation.field);
    entry.set_description(Truncate(violation.description, kMaxDescriptionBytes));
    if (bytes + EntryBytes(entry) + kNoteBytes > kMaxBadRequestBytes) break;
    bytes += EntryBytes(entry);
    *bad_request.add_field_violations() = std::move(entry);
    ++listed;
  }
  if (listed < violations.size()) {
    auto* note = bad_request.add_field_violations();
    note->set_field(violations[listed].field);
    note->set_description(
        absl::StrCat(violations.size() - listed, " more violations are not listed"));
  }

  const validation::FieldViolation& first = violations.front();
  std::string message = absl::StrCat(
      subject, " refused: ", violations.size(),
      violations.size() == 1 ? " violation; " : " violations; the first: ", first.field, " ",
      Truncate(first.description, kMaxDescriptionBytes));
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
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
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload.has_value()) return violations;
  google::rpc::BadRequest bad_request;
  if (!bad_request.ParseFromString(std::string(*payload))) return violations;
  for (const auto& entry : bad_request.field_violations()) {
    violations.push_back({entry.field(), entry.description()});
  }
  return violations;
}

}  // namespace jixiao::ingest
