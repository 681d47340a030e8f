// data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json is the
// importer's output for the seed text, normalized (every target parsed). It is
// produced, never edited by hand: the README shows the `jixiao import-targets`
// command that writes it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/report_io/json_codec.h"
#include "common/report_io/target_table_text.h"
#include "services/ingest/normalization/report_normalizer.h"
#include "services/ingest/validation/consistency_checker.h"
#include "services/ingest/validation/report_validator.h"
#include "tests/support/source_dir.h"

namespace jixiao::ingest {
namespace {

constexpr char kGolden[] = "data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json";
constexpr char kText[] = "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt";

TEST(TargetTableGolden, ImporterReproducesTheCommittedTable) {
  const std::string golden = testing::ReadSourceFile(kGolden);
  jixiao::v1::ProjectTargetTable expected;
  ASSERT_TRUE(report_io::ParseJson(golden, &expected).ok());

  auto imported = report_io::ImportTargetTableText(testing::ReadSourceFile(kText));
  ASSERT_TRUE(imported.errors.empty());
  auto& table = imported.table;
  *table.mutable_department() = expected.department();
  table.set_fiscal_year(expected.fiscal_year());
  EXPECT_TRUE(ValidateTargetTable(table).empty());
  table = NormalizeTargetTable(std::move(table));

  // Compared as text so that any change in import or parsing shows as a diff.
  EXPECT_EQ(report_io::ToJson(table), golden);
}

TEST(TargetTableGolden, IsValidAndConsistentWithinPublishedRounding) {
  jixiao::v1::ProjectTargetTable table;
  ASSERT_TRUE(report_io::ParseJson(testing::ReadSourceFile(kGolden), &table).ok());
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
}  // namespace jixiao::ingest
