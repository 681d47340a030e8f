// Ingest killed outright (SIGKILL: no drain, no flush) while clients submit
// reports one by one and in SubmitReports streams: once it is started again on
// the same store, every report it acknowledged is there, with the content it
// acknowledged. On SQLite and on PostgreSQL.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/domain/content_hash/content_hash.h"
#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/support/postgres_server.h"
#include "tests/support/status_macros.h"

namespace jixiao::testing {
namespace {

// Reports per SubmitReports stream.
constexpr int kStreamSize = 20;
// Acknowledgements to wait for, of each kind, before the kill.
constexpr int kUnaryAcks = 100;
constexpr int kStreamAcks = 3 * kStreamSize;

class IngestKillTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  // The acknowledged versions, each with the hash it was acknowledged with.
  void Acknowledge(const v1::ReportRef& ref, bool streamed) {
    std::lock_guard<std::mutex> lock(mu_);
    acknowledged_.push_back(ref);
    ++(streamed ? stream_acks_ : unary_acks_);
  }

  grpc::Status SubmitOne() {
    v1::SubmitReportRequest request;
    *request.mutable_report() = DistinctReport(next_report_++);
    v1::SubmitReportResponse response;
    grpc::Status status =
        stack_->ingest().SubmitReport(CallContext(absl::Seconds(20)).get(), request, &response);
    if (status.ok()) Acknowledge(response.ref(), false);
    return status;
  }

  // One stream of kStreamSize reports; nothing of it is acknowledged unless the
  // stream's answer comes.
  grpc::Status SubmitStream() {
    v1::SubmitReportsResponse response;
    std::unique_ptr<grpc::ClientContext> context = CallContext(absl::Seconds(20));
    std::unique_ptr<grpc::ClientWriter<v1::SubmitReportRequest>> writer =
        stack_->ingest().SubmitReports(context.get(), &response);
    for (int i = 0; i < kStreamSize; ++i) {
      v1::SubmitReportRequest request;
      *request.mutable_report() = DistinctReport(next_report_++);
      if (!writer->Write(request)) break;
    }
    writer->WritesDone();
    grpc::Status status = writer->Finish();
    if (!status.ok()) return status;
    for (const v1::SubmitReportsItemResult& result : response.results()) {
      if (result.code() != 0) {
        return grpc::Status(grpc::StatusCode::INTERNAL,
                            absl::StrCat("stream item refused: ", result.message()));
      }
      Acknowledge(result.ref(), true);
    }
    return status;
  }

  void KillUnderLoadAndCheckEveryAcknowledgedReport(const std::string& store_url) {
    ASSERT_OK_AND_ASSIGN(stack_, ServiceStack::Start(store_url));
    {
      // Four threads submit one report a call, two in streams.
      CallingThreads load(
          6, [this](int thread, int) { return thread < 4 ? SubmitOne() : SubmitStream(); });
      const bool enough = PollUntil(
          [this] {
            std::lock_guard<std::mutex> lock(mu_);
            return unary_acks_ >= kUnaryAcks && stream_acks_ >= kStreamAcks;
          },
          absl::Seconds(30));
      ASSERT_TRUE(enough) << "acknowledged " << unary_acks_ << " + " << stream_acks_;
      load.MarkFault();
      stack_->Kill(Service::kIngest);
      load.Stop();
      EXPECT_TRUE(load.FailedBeforeFault().empty()) << load.FirstEarlyError();
      for (const auto& [code, count] : load.FailedAfterFault()) {
        EXPECT_EQ(code, grpc::StatusCode::UNAVAILABLE) << count << " calls";
      }
    }

    ASSERT_OK(stack_->Restart(Service::kIngest));
    std::lock_guard<std::mutex> lock(mu_);
    std::cerr << "acknowledged before the kill: " << unary_acks_ << " one by one, " << stream_acks_
              << " in streams; " << next_report_.load() << " sent\n";
    for (const v1::ReportRef& ref : acknowledged_) {
      SCOPED_TRACE(absl::StrCat(ref.report_id(), " v", ref.version()));
      v1::GetReportRequest request;
      request.set_report_id(ref.report_id());
      request.set_version(ref.version());
      v1::GetReportResponse stored;
      ASSERT_OK(
          stack_->ingest().GetReport(CallContext(absl::Seconds(20), true).get(), request, &stored));
      EXPECT_EQ(stored.ref().content_hash(), ref.content_hash());
      // The stored bytes are the content acknowledged, not only its hash.
      EXPECT_EQ(content_hash::ContentHash(stored.report()), ref.content_hash());
      EXPECT_EQ(stored.report().report_id(), ref.report_id());
    }
  }

  std::unique_ptr<PostgresServer> postgres_;  // outlives the stack that uses it
  std::unique_ptr<ServiceStack> stack_;
  std::atomic<int> next_report_{0};
  std::mutex mu_;
  std::vector<v1::ReportRef> acknowledged_;  // guarded by mu_
  int unary_acks_ = 0;                       // guarded by mu_
  int stream_acks_ = 0;                      // guarded by mu_
};

TEST_F(IngestKillTest, SqliteKeepsEveryAcknowledgedReport) {
  KillUnderLoadAndCheckEveryAcknowledgedReport("");
}

TEST_F(IngestKillTest, PostgresKeepsEveryAcknowledgedReport) {
  ASSERT_OK_AND_ASSIGN(postgres_, PostgresServer::Start());
  ASSERT_OK(postgres_->CreateDatabase("kill"));
  KillUnderLoadAndCheckEveryAcknowledgedReport(postgres_->Url("kill"));
}

}  // namespace
}  // namespace jixiao::testing
