// Page tokens round-trip, are bound to their filter, and refuse garbage.

#include "services/ingest/store/page_token.h"

#include <gtest/gtest.h>

#include "absl/strings/escaping.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

ReportFilter SomeFilter() {
  ReportFilter filter;
  filter.fiscal_year = 2023;
  filter.district_code = "440106";
  filter.level = jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT;
  filter.sector_tag = "commerce";
  return filter;
}

TEST(PageTokenTest, RoundTrips) {
  for (const char* id : {"440106:ccpit/2023/department", "a:b", "含中文/2023/x", "12:34:"}) {
    const std::string token = EncodePageToken(SomeFilter(), id);
    ASSERT_OK_AND_ASSIGN(auto decoded, DecodePageToken(SomeFilter(), token));
    EXPECT_EQ(decoded, id);
  }
}

TEST(PageTokenTest, EmptyTokenIsTheFirstPage) {
  ASSERT_OK_AND_ASSIGN(auto decoded, DecodePageToken(SomeFilter(), ""));
  EXPECT_EQ(decoded, "");
}

TEST(PageTokenTest, BoundToItsFilter) {
  const std::string token = EncodePageToken(SomeFilter(), "x/2023/department");
  for (int field = 0; field < 4; ++field) {
    ReportFilter other = SomeFilter();
    if (field == 0) other.fiscal_year = 2022;
    if (field == 1) other.district_code = "440103";
    if (field == 2) other.level = jixiao::v1::ADMINISTRATIVE_LEVEL_CITY;
    if (field == 3) other.sector_tag = "";
    EXPECT_EQ(DecodePageToken(other, token).status().code(), absl::StatusCode::kInvalidArgument)
        << field;
  }
}

TEST(PageTokenTest, RefusesGarbage) {
  const std::string good = EncodePageToken(SomeFilter(), "x");
  std::string plain;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(good, &plain));
  for (const std::string& token :
       {std::string("!!!"), absl::WebSafeBase64Escape("p1"), absl::WebSafeBase64Escape("2:p1"),
        absl::WebSafeBase64Escape(plain + "x"), absl::WebSafeBase64Escape(plain.substr(0, 10)),
        absl::WebSafeBase64Escape("99999999999999999999:x")}) {
    EXPECT_EQ(DecodePageToken(SomeFilter(), token).status().code(),
              absl::StatusCode::kInvalidArgument)
        << token;
  }
}

}  // namespace
}  // namespace jixiao::ingest
