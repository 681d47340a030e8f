#pragma once

// Checks of the read requests (GetReport, GetReportHistory, ListReports) before they reach the
// store, so that a bad field comes back as INVALID_ARGUMENT naming that field
// (google.rpc.BadRequest payload, bad_request.h) rather than as whatever the
// store would make of it.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

// report_id must be given; version must not be negative (0 is the latest).
absl::Status CheckGetReportRequest(const jixiao::v1::GetReportRequest& request);

// report_id must be given.
absl::Status CheckGetReportHistoryRequest(const jixiao::v1::GetReportHistoryRequest& request);

// What ListReports asks of the store.
struct ListReportsQuery {
  ReportFilter filter;
  int page_size = 0;  // 0: the store's default; above kMaxPageSize: capped by the store
  std::string page_token;
};

// Refuses a negative page_size or fiscal_year, a level that is not an
// AdministrativeLevel, and a page_token that is malformed or was issued for
// another filter.
absl::StatusOr<ListReportsQuery> ParseListReportsRequest(
    const jixiao::v1::ListReportsRequest& request);

}  // namespace jixiao::ingest
