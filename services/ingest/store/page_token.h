#pragma once

// The opaque ListReports page token. Pages are keyset pages: the token holds the
// last report_id of the page before, so a page is never shifted by reports
// stored meanwhile (ids are never deleted), plus the filter it was issued for,
// so that reusing it with another filter is an error rather than a silent skip.
// Its form is private to the store and may change with the store.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

std::string EncodePageToken(const ReportFilter& filter, absl::string_view last_report_id);

// The report_id to continue after; "" for an empty token (the first page).
// INVALID_ARGUMENT for a malformed token or one issued for another filter.
absl::StatusOr<std::string> DecodePageToken(const ReportFilter& filter, absl::string_view token);

}  // namespace jixiao::ingest
