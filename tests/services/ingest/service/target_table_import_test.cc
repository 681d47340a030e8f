// The pure steps of ImportTargetTable: text or structured table in; a
// normalized, hashed table, the lines left out, or a refusal naming the field.

#include "services/ingest/service/target_table_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/domain/report_json/json_codec.h"
#include "google/protobuf/util/message_differencer.h"
#include "services/ingest/service/bad_request.h"
#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::SizeIs;

constexpr char kGolden[] = "data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json";
constexpr char kText[] = "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt";

// A project line whose indicator codes the importer reads but the contract refuses.
constexpr char kLineWithUnknownCodes[] =
    "项目乙\t1.00\t1.00\t\t\t目标\t1、9-其他指标；91-其他；名称；实施周期指标值:无；年度指标值:"
    "5个。";

jixiao::v1::ProjectTargetTable Golden() {
  jixiao::v1::ProjectTargetTable table;
  const absl::Status parsed = report_json::ParseJson(testing::ReadSourceFile(kGolden), &table);
  EXPECT_TRUE(parsed.ok()) << parsed;
  return table;
}

jixiao::v1::ImportTargetTableRequest TextRequest(const std::string& text) {
  jixiao::v1::ImportTargetTableRequest request;
  request.set_text(text);
  jixiao::v1::ProjectTargetTable golden = Golden();
  *request.mutable_department() = golden.department();
  request.set_fiscal_year(golden.fiscal_year());
  return request;
}

validation::FieldViolations ViolationsOf(const absl::StatusOr<PreparedTargetTable>& prepared) {
  EXPECT_EQ(prepared.status().code(), absl::StatusCode::kInvalidArgument);
  return BadRequestViolations(prepared.status());
}

auto ViolationAt(const std::string& field) {
  return Field(&validation::FieldViolation::field, field);
}

TEST(PrepareTargetTableImport, TextOfTheSeedGivesTheCommittedTable) {
  ASSERT_OK_AND_ASSIGN(PreparedTargetTable prepared,
                       PrepareTargetTableImport(TextRequest(testing::ReadSourceFile(kText))));
  EXPECT_THAT(prepared.line_errors, IsEmpty());
  EXPECT_THAT(prepared.warnings, IsEmpty());
  EXPECT_THAT(prepared.content_hash, MatchesRegex("[0-9a-f]{64}"));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(prepared.table, Golden()))
      << report_json::ToJson(prepared.table);
}

TEST(PrepareTargetTableImport, TheStructuredSeedHashesLikeItsText) {
  jixiao::v1::ImportTargetTableRequest request;
  *request.mutable_table() = Golden();
  absl::StatusOr<PreparedTargetTable> structured = PrepareTargetTableImport(request);
  absl::StatusOr<PreparedTargetTable> text =
      PrepareTargetTableImport(TextRequest(testing::ReadSourceFile(kText)));
  ASSERT_TRUE(structured.ok()) << structured.status();
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(structured->table.table_id(), "440106:commerce-finance/2024/targets");
  EXPECT_EQ(structured->content_hash, text->content_hash);
}

TEST(PrepareTargetTableImport, BadLinesAreLeftOutAndTheGoodOnesImported) {
  const std::string text =
      // The seed text ends without a newline.
      absl::StrCat(testing::ReadSourceFile(kText), "\n只有名称的一行\n", kLineWithUnknownCodes,
                   "\n");
  ASSERT_OK_AND_ASSIGN(PreparedTargetTable prepared, PrepareTargetTableImport(TextRequest(text)));
  EXPECT_EQ(prepared.table.projects_size(), 24);
  ASSERT_THAT(prepared.line_errors, SizeIs(2));
  EXPECT_LT(prepared.line_errors[0].line(), prepared.line_errors[1].line());
  EXPECT_THAT(prepared.line_errors[0].reason(), HasSubstr("columns"));
  // The second bad line is one the importer reads and the contract refuses,
  // for two reasons, in one LineError.
  EXPECT_THAT(prepared.line_errors[1].reason(), HasSubstr("indicators[0].level1_code must be"));
  EXPECT_THAT(prepared.line_errors[1].reason(), HasSubstr("; indicators[0].level2_code must be"));
}

TEST(PrepareTargetTableImport, TheRequestDepartmentCountsAndThePrintedNameFillsIn) {
  jixiao::v1::ImportTargetTableRequest request = TextRequest(testing::ReadSourceFile(kText));
  request.mutable_department()->clear_name();
  ASSERT_OK_AND_ASSIGN(PreparedTargetTable prepared, PrepareTargetTableImport(request));
  EXPECT_EQ(prepared.table.department().name(), "广州市天河区商务和金融工作局");
  EXPECT_EQ(prepared.table.department().code(), "440106:commerce-finance");
}

TEST(PrepareTargetTableImport, TextWithoutDepartmentOrYearIsRefused) {
  jixiao::v1::ImportTargetTableRequest request;
  request.set_text(testing::ReadSourceFile(kText));
  const validation::FieldViolations violations = ViolationsOf(PrepareTargetTableImport(request));
  EXPECT_THAT(violations, Contains(ViolationAt("department")));
  EXPECT_THAT(violations, Contains(ViolationAt("fiscal_year")));
}

TEST(PrepareTargetTableImport, TextWithoutOneGoodLineIsRefused) {
  const validation::FieldViolations violations =
      ViolationsOf(PrepareTargetTableImport(TextRequest(kLineWithUnknownCodes)));
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[0].field, "text");
  EXPECT_THAT(violations[1].description, HasSubstr("line 1: "));
}

TEST(PrepareTargetTableImport, AStructuredTableIsValidatedUnderTable) {
  jixiao::v1::ImportTargetTableRequest request;
  *request.mutable_table() = Golden();
  request.mutable_table()->mutable_projects(2)->clear_name();
  const validation::FieldViolations violations = ViolationsOf(PrepareTargetTableImport(request));
  ASSERT_THAT(violations, SizeIs(1));
  EXPECT_EQ(violations[0].field, "table.projects[2].name");
}

TEST(PrepareTargetTableImport, AStructuredTableRefusesTheTextOnlyFields) {
  jixiao::v1::ImportTargetTableRequest request;
  *request.mutable_table() = Golden();
  *request.mutable_department() = Golden().department();
  request.set_fiscal_year(2024);
  const validation::FieldViolations violations = ViolationsOf(PrepareTargetTableImport(request));
  EXPECT_THAT(violations, Contains(ViolationAt("department")));
  EXPECT_THAT(violations, Contains(ViolationAt("fiscal_year")));
}

TEST(PrepareTargetTableImport, ARequestWithoutSourceIsRefused) {
  const validation::FieldViolations violations =
      ViolationsOf(PrepareTargetTableImport(jixiao::v1::ImportTargetTableRequest()));
  ASSERT_THAT(violations, SizeIs(1));
  EXPECT_EQ(violations[0].field, "table");
}

}  // namespace
}  // namespace jixiao::ingest
