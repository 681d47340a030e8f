// Store URLs: the accepted forms, and refusals that say why without echoing a
// PostgreSQL password.

#include "services/ingest/store/store_url.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/ingest/store/report_store.h"
#include "tests/support/free_port.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(StoreUrlTest, SqliteAbsolutePath) {
  ASSERT_OK_AND_ASSIGN(auto location, ParseStoreUrl("sqlite:///var/lib/jixiao/reports.db"));
  EXPECT_EQ(location.backend, StoreLocation::Backend::kSqlite);
  EXPECT_EQ(location.sqlite_path, "/var/lib/jixiao/reports.db");
}

TEST(StoreUrlTest, SqlitePathEscapes) {
  ASSERT_OK_AND_ASSIGN(auto location, ParseStoreUrl("sqlite:///data/my%20reports%23.db"));
  EXPECT_EQ(location.sqlite_path, "/data/my reports#.db");
}

TEST(StoreUrlTest, SqliteInMemory) {
  ASSERT_OK_AND_ASSIGN(auto location, ParseStoreUrl("sqlite::memory:"));
  EXPECT_EQ(location.sqlite_path, ":memory:");
}

TEST(StoreUrlTest, PostgresUrlsPassThrough) {
  for (const char* url : {"postgresql://jixiao@db.internal:5432/jixiao?sslmode=require",
                          "postgres://u:p@localhost/db", "POSTGRESQL://h/db"}) {
    auto location = ParseStoreUrl(url);
    ASSERT_TRUE(location.ok()) << url << ": " << location.status();
    EXPECT_EQ(location->backend, StoreLocation::Backend::kPostgres);
    EXPECT_EQ(location->postgres_url, url);
  }
}

TEST(StoreUrlTest, RefusesWithAReason) {
  const struct {
    const char* url;
    const char* reason;
  } cases[] = {
      {"", "scheme-less"},
      {"reports.db", "scheme-less"},
      {"sqlite://reports.db", "must be absolute"},
      {"sqlite://host/reports.db", "must be absolute"},
      {"sqlite:reports.db", "expected sqlite:///"},
      {"sqlite:///", "names a directory"},
      {"sqlite:///data/", "names a directory"},
      {"sqlite:///data/x.db?mode=ro", "no query"},
      {"sqlite:///data/x%2", "bad %-escape"},
      {"sqlite:///data/x%00.db", "NUL"},
      {"mysql://root@h/db", "unsupported store URL scheme \"mysql\""},
      {"postgresql:/h/db", "expected postgresql://"},
  };
  for (const auto& c : cases) {
    auto location = ParseStoreUrl(c.url);
    EXPECT_EQ(location.status().code(), absl::StatusCode::kInvalidArgument) << c.url;
    EXPECT_THAT(location.status().message(), HasSubstr(c.reason)) << c.url;
  }
}

TEST(StoreUrlTest, NeverEchoesWhatMayBeAPassword) {
  auto location = ParseStoreUrl("postgresql//admin:s3cret!@db/x");
  EXPECT_EQ(location.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(location.status().message(), Not(HasSubstr("s3cret")));
  auto unknown = OpenReportStore("postgresql://admin:s3cret@db/x?no_such_option=1");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.status().message(), HasSubstr("no_such_option"));
  EXPECT_THAT(unknown.status().message(), Not(HasSubstr("s3cret")));
}

TEST(StoreUrlTest, UnreachablePostgresIsUnavailable) {
  ASSERT_OK_AND_ASSIGN(auto port, jixiao::testing::PickFreePort());
  auto store = OpenReportStore(
      absl::StrCat("postgresql://nobody@127.0.0.1:", port, "/none?connect_timeout=5"));
  EXPECT_EQ(store.status().code(), absl::StatusCode::kUnavailable) << store.status();
  EXPECT_THAT(store.status().message(), HasSubstr("cannot connect"));
}

TEST(StoreUrlTest, SqliteInMemoryStoreWorks) {
  ASSERT_OK_AND_ASSIGN(auto store, OpenReportStore("sqlite::memory:"));
  jixiao::v1::EvaluationReport report;
  report.set_report_id("440100:commerce/2023/department");
  ASSERT_OK_AND_ASSIGN(auto outcomes, store->PutReports({{report, "h", {}}}));
  EXPECT_TRUE(outcomes[0].ok());
  EXPECT_TRUE(store->GetReport(report.report_id(), 1).ok());
}

TEST(StoreUrlTest, SqliteInAMissingDirectoryIsUnavailable) {
  auto store = OpenReportStore("sqlite:///nonexistent-dir-for-jixiao-tests/x/reports.db");
  EXPECT_EQ(store.status().code(), absl::StatusCode::kUnavailable) << store.status();
}

}  // namespace
}  // namespace jixiao::ingest
