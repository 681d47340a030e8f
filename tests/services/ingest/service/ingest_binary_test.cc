// The jixiao-ingest binary as a deployment runs it: configured by flags and
// JIXIAO_* variables, listening where its log says, stopped by SIGTERM.

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "tests/services/ingest/service/seeds.h"
#include "tests/support/service_process.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"

namespace jixiao::ingest {
namespace {

using ::jixiao::testing::DescribeWaitStatus;
using ::jixiao::testing::ServiceProcess;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kBinary[] = JIXIAO_INGEST_BINARY;
// Bounds on waits for events that normally take milliseconds; they only turn
// a hang into a failure.
constexpr absl::Duration kPatience = absl::Seconds(20);

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::chrono::system_clock::time_point Deadline() {
  return std::chrono::system_clock::now() + absl::ToChronoSeconds(kPatience);
}

class IngestBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(dir_, jixiao::testing::TempDir::Create("ingest-binary"));
  }

  std::unique_ptr<ServiceProcess> Spawn(const std::vector<std::string>& args,
                                        const std::map<std::string, std::string>& env = {}) {
    auto server = ServiceProcess::Spawn(kBinary, args, {dir_->File("stdout"), env});
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  std::string StoreUrl() const { return absl::StrCat("sqlite://", dir_->File("x.db")); }

  std::unique_ptr<jixiao::testing::TempDir> dir_;
};

// A channel to the spawned server's port, connected (or failed) within the patience.
std::shared_ptr<grpc::Channel> Connect(int port) {
  auto channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials());
  EXPECT_TRUE(channel->WaitForConnected(Deadline())) << "no connection to port " << port;
  return channel;
}

TEST_F(IngestBinaryTest, StoresReportsDurablyAndStopsCleanlyOnSigterm) {
  const jixiao::v1::EvaluationReport seed = testing::SeedReports().front();
  std::string content_hash;
  {
    std::unique_ptr<ServiceProcess> server =
        Spawn({"--listen", "127.0.0.1:0", "--store", StoreUrl(), "--commit-batch", "8"});
    ASSERT_NE(server, nullptr);
    ASSERT_OK_AND_ASSIGN(int port, server->WaitForListeningPort(kPatience));
    auto channel = Connect(port);
    auto stub = jixiao::v1::IngestService::NewStub(channel);

    grpc::ClientContext context;
    context.set_deadline(Deadline());
    jixiao::v1::SubmitReportRequest request;
    *request.mutable_report() = seed;
    jixiao::v1::SubmitReportResponse response;
    const grpc::Status status = stub->SubmitReport(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message() << "\n" << server->Log();
    EXPECT_TRUE(response.created());
    EXPECT_EQ(response.ref().version(), 1);
    content_hash = response.ref().content_hash();

    absl::StatusOr<int> exit = server->Stop(kPatience);
    ASSERT_TRUE(exit.ok()) << exit.status() << "\n" << server->Log();
    EXPECT_TRUE(WIFEXITED(*exit) && WEXITSTATUS(*exit) == 0) << DescribeWaitStatus(*exit) << "\n"
                                                             << server->Log();
    EXPECT_THAT(server->Log(), HasSubstr("event=signal signal=SIGTERM"));
    EXPECT_THAT(server->Log(), HasSubstr("event=stopped"));
    EXPECT_THAT(server->Log(), HasSubstr("event=report_stored"));
  }
  // The log is stderr's; stdout stays empty.
  EXPECT_THAT(ReadFile(dir_->File("stdout")), IsEmpty());

  // Started again on the same file, configured through the environment this
  // time: the report is still there.
  std::unique_ptr<ServiceProcess> again =
      Spawn({}, {{"JIXIAO_LISTEN", "127.0.0.1:0"}, {"JIXIAO_STORE", StoreUrl()}});
  ASSERT_NE(again, nullptr);
  ASSERT_OK_AND_ASSIGN(int port, again->WaitForListeningPort(kPatience));
  {
    auto channel = Connect(port);
    auto stub = jixiao::v1::IngestService::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(Deadline());
    jixiao::v1::GetReportRequest request;
    request.set_report_id(seed.report_id());
    jixiao::v1::GetReportResponse response;
    ASSERT_OK(stub->GetReport(&context, request, &response));
    EXPECT_EQ(response.ref().version(), 1);
    EXPECT_EQ(response.ref().content_hash(), content_hash);
  }
  // This time the client has hung up before SIGTERM. One still connected,
  // even idle, holds the drain for about 5 s with gRPC 1.51 (its graceful
  // GOAWAY waits for the client's ping ack), as the first run shows.
  ASSERT_OK_AND_ASSIGN(int exit, again->Stop(kPatience));
  EXPECT_TRUE(WIFEXITED(exit) && WEXITSTATUS(exit) == 0) << DescribeWaitStatus(exit);
}

TEST_F(IngestBinaryTest, RefusesToStartWithoutAStore) {
  std::unique_ptr<ServiceProcess> server = Spawn({"--listen", "127.0.0.1:0"});
  ASSERT_NE(server, nullptr);
  ASSERT_OK_AND_ASSIGN(int exit, server->WaitForExit(kPatience));
  EXPECT_TRUE(WIFEXITED(exit) && WEXITSTATUS(exit) == 2) << DescribeWaitStatus(exit);
  EXPECT_THAT(server->Log(), HasSubstr("no store given: pass --store URL or set JIXIAO_STORE"));
}

TEST_F(IngestBinaryTest, RefusesARelativeSqlitePath) {
  std::unique_ptr<ServiceProcess> server =
      Spawn({"--listen", "127.0.0.1:0", "--store", "sqlite://reports.db"});
  ASSERT_NE(server, nullptr);
  ASSERT_OK_AND_ASSIGN(int exit, server->WaitForExit(kPatience));
  EXPECT_TRUE(WIFEXITED(exit) && WEXITSTATUS(exit) == 2) << DescribeWaitStatus(exit);
  EXPECT_THAT(server->Log(), HasSubstr("jixiao-ingest: "));
}

// A deployment's migration job: the schema is brought up to date, then the
// process exits 0 without serving; a second run finds nothing to do.
TEST_F(IngestBinaryTest, MigrateOnlyCreatesTheSchemaAndExits) {
  for (int run = 0; run < 2; ++run) {
    std::unique_ptr<ServiceProcess> migration = Spawn({"--store", StoreUrl(), "--migrate-only"});
    ASSERT_NE(migration, nullptr);
    ASSERT_OK_AND_ASSIGN(int exit, migration->WaitForExit(kPatience));
    EXPECT_TRUE(WIFEXITED(exit) && WEXITSTATUS(exit) == 0) << DescribeWaitStatus(exit);
    EXPECT_THAT(migration->Log(), HasSubstr("event=store_migrated"));
    EXPECT_THAT(migration->Log(), Not(HasSubstr("event=listening")));
  }
  // The store it made is one ingest serves from.
  std::unique_ptr<ServiceProcess> server =
      Spawn({"--listen", "127.0.0.1:0", "--store", StoreUrl()});
  ASSERT_NE(server, nullptr);
  ASSERT_OK(server->WaitForListeningPort(kPatience).status());
}

TEST_F(IngestBinaryTest, HelpListsTheIngestOptionsOnStdout) {
  std::unique_ptr<ServiceProcess> server = Spawn({"--help"});
  ASSERT_NE(server, nullptr);
  ASSERT_OK_AND_ASSIGN(int exit, server->WaitForExit(kPatience));
  EXPECT_TRUE(WIFEXITED(exit) && WEXITSTATUS(exit) == 0) << DescribeWaitStatus(exit);
  const std::string usage = ReadFile(dir_->File("stdout"));
  EXPECT_THAT(usage, HasSubstr("--store"));
  EXPECT_THAT(usage, HasSubstr("JIXIAO_COMMIT_BATCH"));
}

}  // namespace
}  // namespace jixiao::ingest
