#include "common/platform/server/rich_error.h"

#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "common/platform/server/grpc_status.h"
#include "common/utf8/utf8.h"

namespace jixiao::server {
namespace {

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence, and
// marks the cut.
std::string Truncate(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr std::string_view kEllipsis = "…";
  std::string cut(utf8::PrefixAtCharBoundary(text, max_bytes - kEllipsis.size()));
  return cut.append(kEllipsis);
}

// What a field violation adds to the serialized BadRequest: the entry itself,
// plus its tag and length prefix (at most 1 + 2 bytes at these sizes).
size_t EntryBytes(const google::rpc::BadRequest::FieldViolation& violation) {
  return violation.ByteSizeLong() + 3;
}

}  // namespace

absl::Status BadRequestError(absl::string_view subject, const FieldViolations& violations) {
  if (violations.empty()) return absl::InternalError("BadRequestError without violations");

  FieldViolations listed;
  // Room kept for the closing "N more" entry.
  constexpr size_t kNoteBytes = 96;
  size_t bytes = 0;
  for (const google::rpc::BadRequest::FieldViolation& violation : violations) {
    google::rpc::BadRequest::FieldViolation entry;
    entry.set_field(violation.field());
    entry.set_description(Truncate(violation.description(), kMaxDescriptionBytes));
    if (bytes + EntryBytes(entry) + kNoteBytes > kMaxBadRequestBytes) break;
    bytes += EntryBytes(entry);
    listed.push_back(std::move(entry));
  }
  const size_t left_out = violations.size() - listed.size();
  if (left_out > 0) {
    google::rpc::BadRequest::FieldViolation note;
    note.set_field(violations[listed.size()].field());
    note.set_description(absl::StrCat(left_out, " more violations are not listed"));
    listed.push_back(std::move(note));
  }

  const google::rpc::BadRequest::FieldViolation& first = violations.front();
  std::string message = absl::StrCat(
      subject, " refused: ", violations.size(),
      violations.size() == 1 ? " violation; " : " violations; the first: ", first.field(), " ",
      Truncate(first.description(), kMaxDescriptionBytes));
  return WithBadRequest(absl::InvalidArgumentError(message), listed);
}

absl::Status WithBadRequest(absl::Status status, const FieldViolations& violations) {
  google::rpc::BadRequest bad_request;
  for (const google::rpc::BadRequest::FieldViolation& violation : violations) {
    *bad_request.add_field_violations() = violation;
  }
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
}

FieldViolations BadRequestViolations(const absl::Status& status) {
  FieldViolations violations;
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload.has_value()) return violations;
  google::rpc::BadRequest bad_request;
  if (!bad_request.ParseFromString(std::string(*payload))) return violations;
  for (google::rpc::BadRequest::FieldViolation& violation :
       *bad_request.mutable_field_violations()) {
    violations.push_back(std::move(violation));
  }
  return violations;
}

FieldViolations BadRequestViolations(const grpc::Status& status) {
  return BadRequestViolations(FromGrpcStatus(status));
}

}  // namespace jixiao::server
