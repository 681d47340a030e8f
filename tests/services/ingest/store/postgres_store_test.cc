// PostgreSQL-only behaviour: what the store does when the server drops its
// connections (as on a server restart or failover).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/ingest/store/report_store.h"
#include "tests/services/ingest/store/store_backends.h"

namespace jixiao::ingest {
namespace {

using ::testing::HasSubstr;

TEST(PostgresStoreTest, DroppedConnectionsFailOnceThenReconnect) {
  auto backend = testing::MakePostgresBackend();
  auto url = backend->NewDatabase();
  ASSERT_TRUE(url.ok()) << url.status();
  ReportStoreOptions options;
  options.postgres_pool_size = 1;  // so the next call must reuse the dropped connection
  auto store = OpenReportStore(*url, options);
  ASSERT_TRUE(store.ok()) << store.status();
  jixiao::v1::EvaluationReport report;
  report.set_report_id("440100:commerce/2023/department");
  ASSERT_TRUE((*store)->PutReports({{report, "h"}}).ok());

  auto terminated = backend->Query(*url,
                                   "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                   "WHERE application_name = 'jixiao-ingest'");
  ASSERT_TRUE(terminated.ok()) << terminated.status();
  ASSERT_EQ(terminated->size(), 1u);

  auto failed = (*store)->GetReport(report.report_id(), 0);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable) << failed.status();
  EXPECT_THAT(failed.status().message(), HasSubstr("postgresql"));
  auto recovered = (*store)->GetReport(report.report_id(), 0);
  EXPECT_TRUE(recovered.ok()) << recovered.status();
}

}  // namespace
}  // namespace jixiao::ingest
