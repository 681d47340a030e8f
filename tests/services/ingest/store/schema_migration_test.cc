// Which migrations a database still needs, and which databases are refused.

#include "services/ingest/store/schema_migration.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/ingest/store/postgres_schema.h"
#include "services/ingest/store/sqlite_schema.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::testing::HasSubstr;

const std::vector<Migration> kThree = {{1, "one", ""}, {2, "two", ""}, {3, "three", ""}};

std::vector<int> Versions(const std::vector<const Migration*>& migrations) {
  std::vector<int> versions;
  for (const auto* migration : migrations) versions.push_back(migration->version);
  return versions;
}

TEST(SchemaMigrationTest, AppliesWhatIsMissingInOrder) {
  ASSERT_OK_AND_ASSIGN(auto all, PendingMigrations(kThree, {}, "test"));
  EXPECT_EQ(Versions(all), (std::vector<int>{1, 2, 3}));
  ASSERT_OK_AND_ASSIGN(auto rest, PendingMigrations(kThree, {2, 1}, "test"));
  EXPECT_EQ(Versions(rest), (std::vector<int>{3}));
  ASSERT_OK_AND_ASSIGN(auto none, PendingMigrations(kThree, {1, 2, 3}, "test"));
  EXPECT_TRUE(none.empty());
}

TEST(SchemaMigrationTest, RefusesANewerDatabase) {
  auto newer = PendingMigrations(kThree, {1, 2, 3, 4}, "test");
  EXPECT_EQ(newer.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(newer.status().message(), HasSubstr("schema version 4, newer than this build"));
}

TEST(SchemaMigrationTest, RefusesGaps) {
  auto gap = PendingMigrations(kThree, {1, 3}, "test");
  EXPECT_EQ(gap.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(SchemaMigrationTest, RefusesMisnumberedCode) {
  const std::vector<Migration> misnumbered = {{1, "one", ""}, {3, "three", ""}};
  EXPECT_EQ(PendingMigrations(misnumbered, {}, "test").status().code(),
            absl::StatusCode::kInternal);
}

TEST(SchemaMigrationTest, ShippedListsAreWellFormed) {
  EXPECT_TRUE(PendingMigrations(SqliteMigrations(), {}, "sqlite").ok());
  EXPECT_TRUE(PendingMigrations(PostgresMigrations(), {}, "postgresql").ok());
  EXPECT_EQ(SqliteMigrations().size(), PostgresMigrations().size())
      << "the backends should stay at the same schema version";
}

}  // namespace
}  // namespace jixiao::ingest
