#include "services/ingest/store/page_token.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace jixiao::ingest {
namespace {

constexpr absl::string_view kTokenVersion = "p1";

// Fields as "<length>:<bytes>", so that no value can be mistaken for a separator.
void AppendField(absl::string_view value, std::string* out) {
  absl::StrAppend(out, value.size(), ":", value);
}

bool ReadField(absl::string_view* in, std::string* value) {
  const size_t colon = in->find(':');
  size_t length = 0;
  if (colon == absl::string_view::npos || !absl::SimpleAtoi(in->substr(0, colon), &length) ||
      length > in->size() - colon - 1) {
    return false;
  }
  *value = std::string(in->substr(colon + 1, length));
  in->remove_prefix(colon + 1 + length);
  return true;
}

std::vector<std::string> FilterFields(const ReportFilter& filter) {
  return {absl::StrCat(filter.fiscal_year), filter.district_code,
          absl::StrCat(static_cast<int>(filter.level)), filter.sector_tag};
}

}  // namespace

std::string EncodePageToken(const ReportFilter& filter, absl::string_view last_report_id) {
  std::string plain;
  AppendField(kTokenVersion, &plain);
  for (const auto& field : FilterFields(filter)) AppendField(field, &plain);
  AppendField(last_report_id, &plain);
  return absl::WebSafeBase64Escape(plain);
}

absl::StatusOr<std::string> DecodePageToken(const ReportFilter& filter, absl::string_view token) {
  if (token.empty()) return std::string();
  const auto malformed = absl::InvalidArgumentError("malformed page token");
  std::string plain;
  if (!absl::WebSafeBase64Unescape(token, &plain)) return malformed;
  absl::string_view in = plain;
  std::string field;
  if (!ReadField(&in, &field) || field != kTokenVersion) return malformed;
  for (const auto& expected : FilterFields(filter)) {
    if (!ReadField(&in, &field)) return malformed;
    if (field != expected) {
      return absl::InvalidArgumentError("page token was issued for a different filter");
    }
  }
  std::string last_report_id;
  if (!ReadField(&in, &last_report_id) || !in.empty() || last_report_id.empty()) {
    return malformed;
  }
  return last_report_id;
}

}  // namespace jixiao::ingest
