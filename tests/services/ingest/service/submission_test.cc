// The pure steps of SubmitReport: validation with request field paths,
// normalization, and the content hash that decides whether a version is new.

#include "services/ingest/service/submission.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/domain/content_hash/content_hash.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "services/ingest/service/bad_request.h"
#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

constexpr char kSeed[] = "data/seeds/tianhe-ccpit-2023.json";

jixiao::v1::SubmitReportRequest SeedRequest() {
  jixiao::v1::SubmitReportRequest request;
  const absl::Status parsed =
      report_json::ParseJson(testing::ReadSourceFile(kSeed), request.mutable_report());
  EXPECT_TRUE(parsed.ok()) << parsed;
  return request;
}

auto ViolationAt(const std::string& field) {
  return Field(&validation::FieldViolation::field, field);
}

TEST(PrepareSubmission, NormalizesAndHashesAValidReport) {
  ASSERT_OK_AND_ASSIGN(PreparedReport prepared, PrepareSubmission(SeedRequest()));
  EXPECT_EQ(prepared.to_store.report.report_id(), "440106:ccpit/2023/department");
  EXPECT_THAT(prepared.to_store.content_hash, MatchesRegex("[0-9a-f]{64}"));
  EXPECT_EQ(prepared.to_store.content_hash, content_hash::ContentHash(prepared.to_store.report));
}

TEST(PrepareSubmission, HashIsStableForTheSameContent) {
  absl::StatusOr<PreparedReport> first = PrepareSubmission(SeedRequest());
  absl::StatusOr<PreparedReport> second = PrepareSubmission(SeedRequest());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->to_store.content_hash, second->to_store.content_hash);

  // Resubmitting what ingest stored (ids derived, values parsed) is the same content.
  jixiao::v1::SubmitReportRequest stored;
  *stored.mutable_report() = first->to_store.report;
  ASSERT_OK_AND_ASSIGN(PreparedReport again, PrepareSubmission(stored));
  EXPECT_EQ(again.to_store.content_hash, first->to_store.content_hash);
}

TEST(PrepareSubmission, DifferencesNormalizationRemovesDoNotChangeTheHash) {
  jixiao::v1::SubmitReportRequest request = SeedRequest();
  request.mutable_report()->mutable_department()->clear_sector_tags();
  request.mutable_report()->mutable_department()->add_sector_tags("trade-promotion");
  request.mutable_report()->mutable_department()->add_sector_tags("commerce");
  jixiao::v1::SubmitReportRequest reordered = request;
  reordered.mutable_report()->mutable_department()->clear_sector_tags();
  reordered.mutable_report()->mutable_department()->add_sector_tags("commerce");
  reordered.mutable_report()->mutable_department()->add_sector_tags("trade-promotion");
  reordered.mutable_report()->mutable_department()->add_sector_tags("commerce");

  absl::StatusOr<PreparedReport> a = PrepareSubmission(request);
  absl::StatusOr<PreparedReport> b = PrepareSubmission(reordered);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->to_store.content_hash, b->to_store.content_hash);
}

TEST(PrepareSubmission, ChangedContentChangesTheHash) {
  jixiao::v1::SubmitReportRequest changed = SeedRequest();
  changed.mutable_report()->set_overall_goal(changed.report().overall_goal() + "。");
  absl::StatusOr<PreparedReport> original = PrepareSubmission(SeedRequest());
  absl::StatusOr<PreparedReport> edited = PrepareSubmission(changed);
  ASSERT_TRUE(original.ok() && edited.ok());
  EXPECT_NE(original->to_store.content_hash, edited->to_store.content_hash);
}

TEST(PrepareSubmission, StructuralViolationsRefuseWithRequestFieldPaths) {
  jixiao::v1::SubmitReportRequest request = SeedRequest();
  request.mutable_report()->set_kind(jixiao::v1::REPORT_KIND_UNSPECIFIED);
  request.mutable_report()->mutable_budget()->mutable_initial()->set_fen(-1);
  request.mutable_report()->mutable_department()->set_level(
      jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED);

  absl::StatusOr<PreparedReport> prepared = PrepareSubmission(request);
  ASSERT_EQ(prepared.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(prepared.status().message(), HasSubstr("report refused: 3 violations"));
  const validation::FieldViolations violations = BadRequestViolations(prepared.status());
  EXPECT_EQ(violations.size(), 3u);
  EXPECT_THAT(violations, Contains(ViolationAt("report.kind")));
  EXPECT_THAT(violations, Contains(ViolationAt("report.department.level")));
  EXPECT_THAT(violations, Contains(ViolationAt("report.budget.initial.fen")));
}

TEST(PrepareSubmission, AMissingReportIsOneViolation) {
  absl::StatusOr<PreparedReport> prepared = PrepareSubmission(jixiao::v1::SubmitReportRequest());
  ASSERT_EQ(prepared.status().code(), absl::StatusCode::kInvalidArgument);
  const validation::FieldViolations violations = BadRequestViolations(prepared.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "report");
}

TEST(ContentHash, IsLowerCaseHexOfTheDeterministicBytes) {
  jixiao::v1::ReportRef ref;
  ref.set_report_id("440106:ccpit/2023/department");
  ref.set_version(2);
  // No maps: the deterministic bytes are the ordinary ones.
  EXPECT_EQ(content_hash::ContentHash(ref), content_hash::ContentHash(jixiao::v1::ReportRef(ref)));
  EXPECT_THAT(content_hash::ContentHash(ref), MatchesRegex("[0-9a-f]{64}"));
  EXPECT_EQ(content_hash::ContentHash(jixiao::v1::ReportRef()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");  // SHA-256("")
}

}  // namespace
}  // namespace jixiao::ingest
