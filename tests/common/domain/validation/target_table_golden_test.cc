// data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json is the
// importer's output for the seed text, normalized (every target parsed). It is
// produced, never edited by hand: the README shows the `jixiao import-targets`
// command that writes it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/table_import/target_table_text.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"
#include "tests/support/source_dir.h"

namespace jixiao::validation {
namespace {

constexpr char kGolden[] = "data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json";
constexpr char kText[] = "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt";

TEST(TargetTableGolden, ImporterReproducesTheCommittedTable) {
  const std::string golden = testing::ReadSourceFile(kGolden);
  jixiao::v1::ProjectTargetTable expected;
  ASSERT_TRUE(report_json::ParseJson(golden, &expected).ok());

  auto imported = table_import::ImportTargetTableText(testing::ReadSourceFile(kText));
  ASSERT_TRUE(imported.errors.empty());
  auto& table = imported.table;
  *table.mutable_department() = expected.department();
  table.set_fiscal_year(expected.fiscal_year());
  EXPECT_TRUE(ValidateTargetTable(table).empty());
  table = normalization::NormalizeTargetTable(std::move(table));

  // Compared as text so that any change in import or parsing shows as a diff.
  EXPECT_EQ(report_json::ToJson(table), golden);
}

TEST(TargetTableGolden, IsValidAndConsistentWithinPublishedRounding) {
  jixiao::v1::ProjectTargetTable table;
  ASSERT_TRUE(report_json::ParseJson(testing::ReadSourceFile(kGolden), &table).ok());
  EXPECT_EQ(table.table_id(), "440106:commerce-finance/2024/targets");
  EXPECT_TRUE(ValidateTargetTable(table).empty());
  // Its 24 projects add up to 6,087.41 万元 against a printed 合计 of 6,087.40.
  EXPECT_TRUE(CheckTargetTableConsistency(table).empty());
  for (const auto& project : table.projects()) {
    for (const auto& indicator : project.indicators()) {
      EXPECT_NE(indicator.target().parsed().kind(), jixiao::v1::VALUE_KIND_UNSPECIFIED)
          << project.name() << " / " << indicator.name();
    }
  }
}

}  // namespace
}  // namespace jixiao::validation
