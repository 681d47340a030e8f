// Checks of GetReport and ListReports requests before they reach the store.

#include "services/ingest/service/read_requests.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/ingest/service/bad_request.h"
#include "services/ingest/store/page_token.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

auto ViolationAt(const std::string& field) {
  return Field(&validation::FieldViolation::field, field);
}

TEST(CheckGetReportRequest, NeedsAnIdAndANonNegativeVersion) {
  jixiao::v1::GetReportRequest request;
  request.set_version(-1);
  const absl::Status status = CheckGetReportRequest(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(BadRequestViolations(status),
              ElementsAre(ViolationAt("report_id"), ViolationAt("version")));

  request.set_report_id("440106:ccpit/2023/department");
  request.set_version(0);
  EXPECT_TRUE(CheckGetReportRequest(request).ok());
}

TEST(ParseListReportsRequest, CopiesTheFilter) {
  jixiao::v1::ListReportsRequest request;
  request.set_fiscal_year(2023);
  request.set_district_code("440106");
  request.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  request.set_sector_tag("commerce");
  request.set_page_size(7);
  ASSERT_OK_AND_ASSIGN(ListReportsQuery query, ParseListReportsRequest(request));
  EXPECT_EQ(query.filter.fiscal_year, 2023);
  EXPECT_EQ(query.filter.district_code, "440106");
  EXPECT_EQ(query.filter.level, jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_EQ(query.filter.sector_tag, "commerce");
  EXPECT_EQ(query.page_size, 7);
  EXPECT_EQ(query.page_token, "");
}

TEST(ParseListReportsRequest, RefusesANegativePageSize) {
  jixiao::v1::ListReportsRequest request;
  request.set_page_size(-1);
  EXPECT_THAT(BadRequestViolations(ParseListReportsRequest(request).status()),
              ElementsAre(ViolationAt("page_size")));
}

TEST(ParseListReportsRequest, RefusesAnUnknownLevelAndANegativeYear) {
  jixiao::v1::ListReportsRequest request;
  request.set_level(static_cast<jixiao::v1::AdministrativeLevel>(99));
  request.set_fiscal_year(-2023);
  EXPECT_THAT(BadRequestViolations(ParseListReportsRequest(request).status()),
              ElementsAre(ViolationAt("fiscal_year"), ViolationAt("level")));
}

TEST(ParseListReportsRequest, RefusesAMalformedPageToken) {
  jixiao::v1::ListReportsRequest request;
  request.set_page_token("not a token");
  EXPECT_THAT(BadRequestViolations(ParseListReportsRequest(request).status()),
              ElementsAre(ViolationAt("page_token")));
}

TEST(ParseListReportsRequest, RefusesATokenIssuedForAnotherFilter) {
  ReportFilter other;
  other.fiscal_year = 2022;
  jixiao::v1::ListReportsRequest request;
  request.set_fiscal_year(2023);
  request.set_page_token(EncodePageToken(other, "440106:ccpit/2022/department"));
  EXPECT_THAT(BadRequestViolations(ParseListReportsRequest(request).status()),
              ElementsAre(ViolationAt("page_token")));

  request.set_fiscal_year(2022);
  EXPECT_TRUE(ParseListReportsRequest(request).ok());
}

}  // namespace
}  // namespace jixiao::ingest
