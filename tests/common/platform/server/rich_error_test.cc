// google.rpc.BadRequest as absl::Status payloads, their trip into grpc::Status
// details and back, and reading the violations from either.

#include "common/platform/server/rich_error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "common/platform/server/grpc_status.h"
#include "google/rpc/status.pb.h"

namespace jixiao::server {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

google::rpc::BadRequest::FieldViolation Violation(const std::string& field,
                                                  const std::string& description) {
  google::rpc::BadRequest::FieldViolation violation;
  violation.set_field(field);
  violation.set_description(description);
  return violation;
}

TEST(BadRequestError, CarriesEveryViolationAndSummarises) {
  const absl::Status status = BadRequestError(
      "report", {Violation("report.kind", "is required"), Violation("report.fiscal_year", "bad")});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "report refused: 2 violations; the first: report.kind is required");
  const FieldViolations violations = BadRequestViolations(status);
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[1].field(), "report.fiscal_year");
  EXPECT_EQ(violations[1].description(), "bad");
}

TEST(BadRequestError, OneViolationReadsAsOne) {
  EXPECT_EQ(BadRequestError("request", {Violation("page_size", "must not be negative")}).message(),
            "request refused: 1 violation; page_size must not be negative");
}

TEST(BadRequestError, CutsLongDescriptionsOnACharacterBoundary) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "产出";  // 3 bytes per character
  const FieldViolations violations =
      BadRequestViolations(BadRequestError("report", {Violation("report.x", long_text)}));
  ASSERT_THAT(violations, SizeIs(1));
  EXPECT_LE(violations[0].description().size(), kMaxDescriptionBytes);
  EXPECT_THAT(violations[0].description(), EndsWith("…"));
  // Whole characters only: what precedes the ellipsis is a multiple of 3 bytes.
  EXPECT_EQ((violations[0].description().size() - std::string("…").size()) % 3, 0u);
}

TEST(BadRequestError, ListsViolationsUpToASizeAndCountsTheRest) {
  FieldViolations many;
  for (int i = 0; i < 1000; ++i) {
    many.push_back(Violation(absl::StrCat("report.indicators[", i, "].level1_code"),
                             "must be one of 1 产出, 2 效益, 3 满意度, 4 成本"));
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

TEST(WithBadRequest, AttachesTheViolationsAsTheyAre) {
  const std::string long_text(1000, 'x');
  const absl::Status status =
      WithBadRequest(absl::InvalidArgumentError("refused"), {Violation("a", long_text)});
  EXPECT_EQ(status.message(), "refused");
  const FieldViolations violations = BadRequestViolations(status);
  ASSERT_THAT(violations, SizeIs(1));
  EXPECT_EQ(violations[0].description(), long_text);
}

TEST(ToGrpcStatus, PutsTheBadRequestIntoGoogleRpcStatusDetails) {
  const grpc::Status status =
      ToGrpcStatus(BadRequestError("report", {Violation("report.kind", "is required")}));
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

TEST(ToGrpcStatus, PlainStatusesHaveNoDetails) {
  const grpc::Status status = ToGrpcStatus(absl::UnavailableError("database busy"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(status.error_message(), "database busy");
  EXPECT_TRUE(status.error_details().empty());
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(FromGrpcStatus, KeepsCodeMessageAndDetails) {
  const absl::Status refused = BadRequestError("report", {Violation("report.kind", "is required")});
  const absl::Status back = FromGrpcStatus(ToGrpcStatus(refused));
  EXPECT_EQ(back, refused);
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
}

// As the ingest service refuses a report: a summary message, and the fields in
// a BadRequest inside google.rpc.Status, here behind another detail that a
// client must skip.
grpc::Status RefusedReport() {
  google::rpc::Status details;
  details.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  details.set_message("report refused: 2 violations; the first: report.kind is required");
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_seconds(1);
  details.add_details()->PackFrom(retry);
  google::rpc::BadRequest bad_request;
  *bad_request.add_field_violations() = Violation("report.kind", "is required");
  *bad_request.add_field_violations() =
      Violation("report.fiscal_year", "must be between 2000 and 2100, got 1999");
  details.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, details.message(),
                      details.SerializeAsString());
}

TEST(BadRequestViolations, UnpacksTheFieldsFromTheStatusDetails) {
  const FieldViolations violations = BadRequestViolations(RefusedReport());
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[0].field(), "report.kind");
  EXPECT_EQ(violations[0].description(), "is required");
  EXPECT_EQ(violations[1].field(), "report.fiscal_year");
}

TEST(BadRequestViolations, ListsTheViolationsOfEveryBadRequestInTheDetails) {
  google::rpc::Status details;
  for (const char* field : {"a", "b"}) {
    google::rpc::BadRequest bad_request;
    *bad_request.add_field_violations() = Violation(field, "is wrong");
    details.add_details()->PackFrom(bad_request);
  }
  const FieldViolations violations = BadRequestViolations(
      grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad", details.SerializeAsString()));
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[0].field(), "a");
  EXPECT_EQ(violations[1].field(), "b");
}

TEST(BadRequestViolations, NoneWithoutUsableDetails) {
  EXPECT_THAT(BadRequestViolations(grpc::Status::OK), IsEmpty());
  EXPECT_THAT(BadRequestViolations(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad")),
              IsEmpty());
  EXPECT_THAT(
      BadRequestViolations(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad", "\xff\xff")),
      IsEmpty());
  EXPECT_THAT(BadRequestViolations(absl::InvalidArgumentError("bad")), IsEmpty());
}

}  // namespace
}  // namespace jixiao::server
