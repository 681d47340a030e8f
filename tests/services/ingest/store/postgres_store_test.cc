// PostgreSQL-only behaviour: what the store does when the server drops its
// connections (as on a server restart or failover).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/ingest/store/report_store.h"
#include "tests/services/ingest/store/store_backends.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::testing::HasSubstr;

TEST(PostgresStoreTest, DroppedConnectionsFailOnceThenReconnect) {
  auto backend = testing::MakePostgresBackend();
  ASSERT_OK_AND_ASSIGN(auto url, backend->NewDatabase());
  ReportStoreOptions options;
  options.postgres_pool_size = 1;  // so the next call must reuse the dropped connection
  ASSERT_OK_AND_ASSIGN(auto store, OpenReportStore(url, options));
  jixiao::v1::EvaluationReport report;
  report.set_report_id("440100:commerce/2023/department");
  ASSERT_TRUE(store->PutReports({{report, "h", {}}}).ok());

  ASSERT_OK_AND_ASSIGN(auto terminated,
                       backend->Query(url,
                                      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE application_name = 'jixiao-ingest'"));
  ASSERT_EQ(terminated.size(), 1u);

  auto failed = store->GetReport(report.report_id(), 0);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable) << failed.status();
  EXPECT_THAT(failed.status().message(), HasSubstr("postgresql"));
  auto recovered = store->GetReport(report.report_id(), 0);
  EXPECT_TRUE(recovered.ok()) << recovered.status();
}

}  // namespace
}  // namespace jixiao::ingest
