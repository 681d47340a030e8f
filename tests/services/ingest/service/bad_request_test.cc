// The validators' violations in and out of the rich error (the rich error
// itself is tested in tests/common/platform/server/rich_error_test.cc).

#include "services/ingest/service/bad_request.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jixiao::ingest {
namespace {

using ::testing::SizeIs;

TEST(BadRequestError, CarriesEveryViolationAndSummarises) {
  const absl::Status status =
      BadRequestError("report", {{"report.kind", "is required"}, {"report.fiscal_year", "bad"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "report refused: 2 violations; the first: report.kind is required");
  const validation::FieldViolations violations = BadRequestViolations(status);
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[1].field, "report.fiscal_year");
  EXPECT_EQ(violations[1].description, "bad");
}

TEST(BadRequestViolations, NoneWithoutAPayload) {
  EXPECT_TRUE(BadRequestViolations(absl::InvalidArgumentError("bad")).empty());
}

TEST(UnderField, PrefixesEveryPath) {
  const validation::FieldViolations violations =
      UnderField("table", {{"projects[0].name", "is required"}});
  EXPECT_EQ(violations[0].field, "table.projects[0].name");
}

}  // namespace
}  // namespace jixiao::ingest
