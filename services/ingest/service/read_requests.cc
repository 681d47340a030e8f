#include "services/ingest/service/read_requests.h"

#include "absl/strings/str_cat.h"
#include "services/ingest/service/bad_request.h"
#include "services/ingest/store/page_token.h"

namespace jixiao::ingest {

constexpr absl::string_view kSubject = "request";

absl::Status CheckGetReportRequest(const jixiao::v1::GetReportRequest& request) {
  validation::FieldViolations violations;
  if (request.report_id().empty()) violations.push_back({"report_id", "is required"});
  if (request.version() < 0) {
    violations.push_back({"version", absl::StrCat("must not be negative (0 is the latest), got ",
                                                  request.version())});
  }
  if (!violations.empty()) return BadRequestError(kSubject, violations);
  return absl::OkStatus();
}

absl::Status CheckGetReportHistoryRequest(const jixiao::v1::GetReportHistoryRequest& request) {
  if (!request.report_id().empty()) return absl::OkStatus();
  return BadRequestError(kSubject, {{"report_id", "is required"}});
}

absl::StatusOr<ListReportsQuery> ParseListReportsRequest(
    const jixiao::v1::ListReportsRequest& request) {
  validation::FieldViolations violations;
  if (request.page_size() < 0) {
    violations.push_back(
        {"page_size", absl::StrCat("must not be negative (0 means ", kDefaultPageSize, "), got ",
                                   request.page_size())});
  }
  if (request.fiscal_year() < 0) {
    violations.push_back({"fiscal_year", absl::StrCat("must not be negative (0 means any), got ",
                                                      request.fiscal_year())});
  }
  // Proto3 enums are open: an unknown number parses, and would match nothing.
  if (!jixiao::v1::AdministrativeLevel_IsValid(request.level())) {
    violations.push_back(
        {"level", absl::StrCat("is not an AdministrativeLevel: ", request.level())});
  }

  ListReportsQuery query;
  query.filter.fiscal_year = request.fiscal_year();
  query.filter.district_code = request.district_code();
  query.filter.level = request.level();
  query.filter.sector_tag = request.sector_tag();
  query.page_size = request.page_size();
  query.page_token = request.page_token();
  // The store checks the token too, but only here can its refusal name the field.
  if (auto after = DecodePageToken(query.filter, query.page_token); !after.ok()) {
    violations.push_back({"page_token", std::string(after.status().message())});
  }
  if (!violations.empty()) return BadRequestError(kSubject, violations);
  return query;
}

}  // namespace jixiao::ingest
