// `jixiao-ingest --backup FILE` on a SQLite store that a running ingest keeps
// writing to, then the documented restore: an ingest started on the backup
// file serves every report acknowledged before the backup began, intact.

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/support/service_process.h"
#include "tests/support/temp_dir.h"

namespace jixiao::testing {
namespace {

constexpr int kBefore = 40;  // reports acknowledged before the backup starts

class StoreBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<TempDir>> directory = TempDir::Create("jixiao-backup");
    ASSERT_TRUE(directory.ok()) << directory.status();
    directory_ = *std::move(directory);
    store_url_ = absl::StrCat("sqlite://", directory_->File("store.db"));
    StackOptions options;
    options.store_url = store_url_;
    absl::StatusOr<std::unique_ptr<ServiceStack>> stack = ServiceStack::Start(options);
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = *std::move(stack);
  }

  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  // jixiao-ingest with `args`, run to its exit: the wait status, and its log in `log`.
  int RunIngest(const std::vector<std::string>& args, std::string* log) {
    absl::StatusOr<std::unique_ptr<ServiceProcess>> process =
        ServiceProcess::Spawn(JIXIAO_INGEST_BINARY, args);
    EXPECT_TRUE(process.ok()) << process.status();
    if (!process.ok()) return -1;
    absl::StatusOr<int> exit = (*process)->WaitForExit(absl::Seconds(60));
    *log = (*process)->Log();
    EXPECT_TRUE(exit.ok()) << exit.status() << "\n" << *log;
    return exit.ok() ? *exit : -1;
  }

  std::unique_ptr<TempDir> directory_;
  std::string store_url_;
  std::unique_ptr<ServiceStack> stack_;
};

TEST_F(StoreBackupTest, OnlineBackupRestoresEveryReportAcknowledgedBeforeIt) {
  std::vector<v1::ReportRef> acknowledged;
  for (int i = 0; i < kBefore; ++i) {
    v1::ReportRef ref;
    ASSERT_TRUE(SubmitDistinct(*stack_, i, &ref).ok());
    acknowledged.push_back(ref);
  }

  // Submissions go on while the backup copies the file.
  std::atomic<bool> stop{false};
  std::atomic<int> during{0};
  std::thread writer([&] {
    for (int i = kBefore; !stop.load() && i < kBefore + 5000; ++i) {
      if (SubmitDistinct(*stack_, i).ok()) ++during;
    }
  });
  const std::string backup = directory_->File("backup.db");
  std::string log;
  const int status = RunIngest({"--store", store_url_, "--backup", backup}, &log);
  stop.store(true);
  writer.join();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << DescribeWaitStatus(status) << log;
  EXPECT_NE(log.find("event=backup_done"), std::string::npos) << log;
  EXPECT_NE(log.find("event=backup_progress"), std::string::npos) << log;
  std::cerr << during.load() << " reports acknowledged while the backup ran\n";

  // A backup never overwrites a file.
  const int again = RunIngest({"--store", store_url_, "--backup", backup}, &log);
  EXPECT_TRUE(WIFEXITED(again) && WEXITSTATUS(again) != 0) << log;
  EXPECT_NE(log.find("never overwrites"), std::string::npos) << log;

  // The restore: an ingest on the backup file.
  absl::StatusOr<std::unique_ptr<ServiceProcess>> restored =
      ServiceProcess::Start(JIXIAO_INGEST_BINARY, {"--store", absl::StrCat("sqlite://", backup)});
  ASSERT_TRUE(restored.ok()) << restored.status();
  std::unique_ptr<v1::IngestService::Stub> ingest = v1::IngestService::NewStub(
      grpc::CreateChannel((*restored)->address(), grpc::InsecureChannelCredentials()));
  for (const v1::ReportRef& ref : acknowledged) {
    v1::GetReportRequest request;
    request.set_report_id(ref.report_id());
    request.set_version(ref.version());
    v1::GetReportResponse stored;
    const grpc::Status got =
        ingest->GetReport(CallContext(absl::Seconds(10)).get(), request, &stored);
    ASSERT_TRUE(got.ok()) << ref.report_id() << ": " << got.error_message();
    EXPECT_EQ(stored.ref().content_hash(), ref.content_hash()) << ref.report_id();
  }
}

TEST_F(StoreBackupTest, BackupOfPostgresOrMemoryIsRefused) {
  std::string log;
  const int memory =
      RunIngest({"--store", "sqlite::memory:", "--backup", directory_->File("m.db")}, &log);
  EXPECT_TRUE(WIFEXITED(memory) && WEXITSTATUS(memory) != 0) << log;
  EXPECT_NE(log.find("in-memory"), std::string::npos) << log;
  const int postgres = RunIngest(
      {"--store", "postgresql://jixiao@127.0.0.1:1/jixiao", "--backup", directory_->File("p.db")},
      &log);
  EXPECT_TRUE(WIFEXITED(postgres) && WEXITSTATUS(postgres) != 0) << log;
  EXPECT_NE(log.find("pg_dump"), std::string::npos) << log;
}

}  // namespace
}  // namespace jixiao::testing
