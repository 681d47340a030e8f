// PostgreSQL stopped and started again under a running ingest: while it is
// away, calls that need the store fail at once with UNAVAILABLE (no hang, no
// crash); once it is back they succeed again, with the same ingest process.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/support/postgres_server.h"
#include "tests/support/status_macros.h"

namespace jixiao::testing {
namespace {

// How long a call may take to fail while the database is away: far below the
// 20 s deadline of the call, so a hang is told from a refusal.
constexpr absl::Duration kFailFast = absl::Seconds(2);

class PostgresOutageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(postgres_, PostgresServer::Start());
    ASSERT_OK(postgres_->CreateDatabase("outage"));
    ASSERT_OK_AND_ASSIGN(stack_, ServiceStack::Start(postgres_->Url("outage")));
  }

  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  grpc::Status Submit(int index, v1::ReportRef* ref = nullptr) {
    return SubmitDistinct(*stack_, index, ref);
  }

  grpc::Status Get(const std::string& report_id) {
    v1::GetReportRequest request;
    request.set_report_id(report_id);
    v1::GetReportResponse response;
    return stack_->ingest().GetReport(CallContext(absl::Seconds(20)).get(), request, &response);
  }

  grpc::Status List() {
    v1::ListReportsRequest request;
    v1::ListReportsResponse response;
    return stack_->ingest().ListReports(CallContext(absl::Seconds(20)).get(), request, &response);
  }

  std::unique_ptr<PostgresServer> postgres_;  // outlives the stack that uses it
  std::unique_ptr<ServiceStack> stack_;
};

TEST_F(PostgresOutageTest, CallsFailFastWhileAwayAndSucceedOnceBack) {
  v1::ReportRef before;
  ASSERT_OK(Submit(0, &before));
  ASSERT_OK(Get(before.report_id()));
  const pid_t ingest = stack_->process(Service::kIngest)->pid();
  ASSERT_NE(ingest, 0);

  ASSERT_OK(postgres_->Stop());
  // Every kind of store call, several times: the pooled connections each find
  // the server gone, then new ones are refused.
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE(round);
    for (const auto& [name, call] :
         std::vector<std::pair<std::string, std::function<grpc::Status()>>>{
             {"SubmitReport", [&] { return Submit(100 + round); }},
             {"GetReport", [&] { return Get(before.report_id()); }},
             {"ListReports", [&] { return List(); }}}) {
      const absl::Time start = absl::Now();
      const grpc::Status status = call();
      const absl::Duration took = absl::Now() - start;
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
          << name << ": " << StatusText(status);
      EXPECT_LT(took, kFailFast) << name;
    }
  }
  ASSERT_TRUE(stack_->Running(Service::kIngest)) << "ingest crashed";

  ASSERT_OK(postgres_->Restart());
  // A pooled connection that the restart ended may fail once more; then calls succeed.
  EXPECT_TRUE(PollUntil([&] { return Submit(1).ok(); }, absl::Seconds(20)));
  EXPECT_OK(Get(before.report_id()));
  EXPECT_OK(Get(DistinctReport(1).report_id()));
  EXPECT_OK(List());
  // None of the refused submissions was stored.
  for (int round = 0; round < 5; ++round) {
    EXPECT_EQ(Get(DistinctReport(100 + round).report_id()).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  EXPECT_TRUE(stack_->Running(Service::kIngest));
  EXPECT_EQ(stack_->process(Service::kIngest)->pid(), ingest) << "the same ingest process";
}

}  // namespace
}  // namespace jixiao::testing
