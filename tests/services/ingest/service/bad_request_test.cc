// Violations as absl::Status payloads, and their trip into grpc::Status details.

#include "services/ingest/service/bad_request.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/ingest/service/grpc_error_details.h"

namespace jixiao::ingest {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
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

TEST(BadRequestError, OneViolationReadsAsOne) {
  EXPECT_EQ(BadRequestError("request", {{"page_size", "must not be negative"}}).message(),
            "request refused: 1 violation; page_size must not be negative");
}

TEST(BadRequestError, CutsLongDescriptionsOnACharacterBoundary) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "产出";  // 3 bytes per character
  const validation::FieldViolations violations =
      BadRequestViolations(BadRequestError("report", {{"report.x", long_text}}));
  ASSERT_THAT(violations, SizeIs(1));
  EXPECT_LE(violations[0].description.size(), kMaxDescriptionBytes);
  EXPECT_THAT(violations[0].description, EndsWith("…"));
  // Whole characters only: what precedes the ellipsis is a multiple of 3 bytes.
  EXPECT_EQ((violations[0].description.size() - std::string("…").size()) % 3, 0u);
}

TEST(BadRequestError, ListsViolationsUpToASizeAndCountsTheRest) {
  validation::FieldViolations many;
  for (int i = 0; i < 1000; ++i) {
    many.push_back({absl::StrCat("report.indicators[", i, "].level1_code"),
                    "must be one of 1 产出, 2 效益, 3 满意度, 4 成本"});
  }
  const absl::Status status = BadRequestError("report", many);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(bad_request.ParseFromString(std::string(*status.GetPayload(kBadRequestTypeUrl))));
  EXPECT_LE(bad_request.ByteSizeLong(), kMaxBadRequestBytes);
  ASSERT_GT(bad_request.field_violations_size(), 10);
  const auto& note = bad_request.field_violations(bad_request.field_violations_size() - 1);
  const int listed = bad_request.field_violations_size() - 1;
  EXPECT_EQ(note.field(), absl::StrCat("report.indicators[", listed, "].level1_code"));
  EXPECT_EQ(note.description(), absl::StrCat(1000 - listed, " more violations are not listed"));
}

TEST(UnderField, PrefixesEveryPath) {
  const validation::FieldViolations violations =
      UnderField("table", {{"projects[0].name", "is required"}});
  EXPECT_EQ(violations[0].field, "table.projects[0].name");
}

TEST(ToGrpcStatusWithDetails, PutsTheBadRequestIntoGoogleRpcStatusDetails) {
  const grpc::Status status =
      ToGrpcStatusWithDetails(BadRequestError("report", {{"report.kind", "is required"}}));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("report.kind is required"));
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(details.message(), status.error_message());
  ASSERT_EQ(details.details_size(), 1);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 1);
  EXPECT_EQ(bad_request.field_violations(0).field(), "report.kind");
}

TEST(ToGrpcStatusWithDetails, PlainStatusesHaveNoDetails) {
  const grpc::Status status = ToGrpcStatusWithDetails(absl::UnavailableError("database busy"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(status.error_message(), "database busy");
  EXPECT_TRUE(status.error_details().empty());
  EXPECT_TRUE(ToGrpcStatusWithDetails(absl::OkStatus()).ok());
}

}  // namespace
}  // namespace jixiao::ingest
