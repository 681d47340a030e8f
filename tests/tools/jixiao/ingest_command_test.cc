// `jixiao ingest` end to end on the client side: files on disk, a real gRPC
// server on 127.0.0.1 with a fake ingest service, and the report and exit code
// a person would see.

#include "tools/jixiao/ingest_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/domain/report_json/json_codec.h"
#include "common/platform/logging/recording_log_sink.h"
#include "common/platform/server/server_runner.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"
#include "tests/tools/jixiao/fake_ingest_service.h"

namespace jixiao::cli {
namespace {

using ::jixiao::cli::testing::FakeIngestService;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

std::string ReportJson(const std::string& department_code, int year = 2023) {
  return absl::StrCat(R"({"kind": "REPORT_KIND_DEPARTMENT_SELF_EVALUATION", "fiscal_year": )", year,
                      R"(, "department": {"code": ")", department_code, R"("}})");
}

// How the report lists the fake's refusal of the report at `where`: the
// summary, then each field the service named.
std::string RefusalLines(const std::string& where) {
  return absl::StrCat("  ", where,
                      ": INVALID_ARGUMENT: report refused: 2 violations; the first: "
                      "report.kind is required\n"
                      "    report.kind: is required\n"
                      "    report.department.code: must be \"<division code>:<slug>\"");
}

// The SubmitReportResponse lines --json prints, each as "<report id> new" or
// "<report id> same"; a line that is not one is returned as it is.
std::vector<std::string> ResponsesIn(const std::string& out) {
  std::vector<std::string> responses;
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    jixiao::v1::SubmitReportResponse response;
    if (!report_json::ParseJson(line, &response).ok()) {
      responses.emplace_back(line);
      continue;
    }
    responses.push_back(
        absl::StrCat(response.ref().report_id(), response.created() ? " new" : " same"));
  }
  return responses;
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class IngestCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(dir_, jixiao::testing::TempDir::Create("ingest_command_test"));
  }

  // The fake must outlive the server that calls into it; held calls are
  // answered first so that the server's drain does not wait for them.
  void TearDown() override {
    if (fake_ != nullptr) fake_->ReleaseAll();
    runner_.reset();
    fake_.reset();
  }

  void StartServer(FakeIngestService::Options options = {}) {
    server::ServerConfig config;
    config.listen = "127.0.0.1:0";
    config.workers = 1;
    config.worker_queue = 4;
    fake_ = std::make_unique<FakeIngestService>(std::move(options));
    runner_ = std::make_unique<server::ServerRunner>(
        config, logging::Logger(logging::LogLevel::kWarn, &server_log_));
    runner_->AddService(jixiao::v1::IngestService::service_full_name(), fake_.get());
    ASSERT_OK_AND_ASSIGN(int port, runner_->Start());
    address_ = absl::StrCat("127.0.0.1:", port);
  }

  // A server that refuses 440106:refused, and four files: two good reports,
  // one it refuses and one that is not JSON.
  void StartServerAndWriteGoodRefusedAndBrokenReports() {
    FakeIngestService::Options options;
    options.refused_department = "440106:refused";
    StartServer(options);
    Write("a.json", ReportJson("440106:a"));
    Write("b-refused.json", ReportJson("440106:refused"));
    Write("broken.json", "{not json");
    Write("district/c.json", ReportJson("440103:c"));
  }

  // What `jixiao ingest` says of those four files, however they were sent.
  void ExpectGoodRefusedAndBrokenReported(const RunResult& run) {
    EXPECT_EQ(run.exit_code, 1);
    const std::string broken_line = absl::StrCat("\n  ", Path("broken.json"), ": not sent: ");
    EXPECT_EQ(run.out.substr(0, run.out.find(broken_line)),
              absl::StrCat("4 files: 2 stored (2 new), 2 failed, 0 warnings\n"
                           "failed:\n",
                           RefusalLines(Path("b-refused.json"))));
    // The parser's message, every line of it indented under the file.
    EXPECT_THAT(run.out, HasSubstr(broken_line + "not a valid jixiao.v1.EvaluationReport JSON: "));
    EXPECT_THAT(run.out, HasSubstr("\n      {not json\n"));
    // Not a terminal: one progress line, for the last file.
    EXPECT_THAT(std::vector<std::string>(absl::StrSplit(run.err, '\n', absl::SkipEmpty())),
                SizeIs(1));
    EXPECT_THAT(run.err, HasSubstr("[4/4, 2 failed] "));
  }

  void Write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_->File(name);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << content;
  }

  RunResult Ingest(std::vector<std::string> args) {
    args.insert(args.begin(), {"--ingest", address_, "--timeout", "20"});
    std::ostringstream out;
    std::ostringstream err;
    RunResult result;
    result.exit_code = RunIngest(args, IngestStreams{out, err, false});
    result.out = out.str();
    result.err = err.str();
    return result;
  }

  std::string Path(const std::string& name) const { return dir_->File(name); }

  std::unique_ptr<jixiao::testing::TempDir> dir_;
  logging::RecordingLogSink server_log_;
  std::unique_ptr<FakeIngestService> fake_;
  std::unique_ptr<server::ServerRunner> runner_;
  std::string address_;
};

TEST_F(IngestCommandTest, ReportsEachFailedFileWithTheFieldsTheServiceNamed) {
  StartServerAndWriteGoodRefusedAndBrokenReports();
  Write(".hidden/d.json", ReportJson("440106:hidden"));  // skipped, as is any dot entry
  Write("notes.md", "not an input");

  const RunResult run = Ingest({dir_->path()});

  EXPECT_THAT(fake_->submitted(), UnorderedElementsAre("440106:a", "440106:refused", "440103:c"));
  ExpectGoodRefusedAndBrokenReported(run);
}

TEST_F(IngestCommandTest, KeepsTheNumberOfCallsInFlightAtTheConcurrencyAsked) {
  FakeIngestService::Options options;
  options.batch = 2;  // answers only once two calls overlap
  options.expected_calls = 5;
  StartServer(options);
  for (int i = 0; i < 5; ++i) {
    Write(absl::StrCat("r", i, ".json"), ReportJson(absl::StrCat("440106:d", i)));
  }

  const RunResult run = Ingest({"--concurrency", "2", dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "5 files: 5 stored (5 new), 0 failed, 0 warnings\n");
  EXPECT_THAT(run.err, HasSubstr("[5/5] ok 440106:d"));
  EXPECT_THAT(run.err, HasSubstr(" v1 (new)"));
  EXPECT_EQ(fake_->max_in_flight(), 2);
}

TEST_F(IngestCommandTest, JsonPrintsOneResponsePerLineInInputOrder) {
  StartServer();
  Write("2.json", ReportJson("440106:b"));
  Write("1.json", ReportJson("440106:a"));

  // One call at a time, so that the fake sees the first 2.json first.
  const RunResult run = Ingest({"--json", "--concurrency", "1", Path("2.json"), dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.err;
  // 2.json named directly, then the directory's 1.json, 2.json
  EXPECT_THAT(ResponsesIn(run.out),
              ElementsAre("440106:b/2023/department new", "440106:a/2023/department new",
                          "440106:b/2023/department same"));
  // The report moves to stderr, out of the way of the JSON.
  EXPECT_THAT(run.err, HasSubstr("3 files: 3 stored (2 new, 1 unchanged)"));
}

TEST_F(IngestCommandTest, ProjectReportsAndEvaluationsAreReportsOfTheirOwn) {
  StartServer();
  Write("1-department.json", ReportJson("440106:a"));
  Write("2-fair.json",
        R"({"kind": "REPORT_KIND_PROJECT_SELF_EVALUATION", "fiscal_year": 2023,
            "project_code": "fair", "department": {"code": "440106:a"}})");
  Write("3-expo.json",
        R"({"kind": "REPORT_KIND_PROJECT_SELF_EVALUATION", "fiscal_year": 2023,
            "project_code": "expo", "department": {"code": "440106:a"}})");
  Write("4-evaluation.json",
        R"({"kind": "REPORT_KIND_EXTERNAL_EVALUATION", "fiscal_year": 2023,
            "project_code": "fair", "period_start_year": 2021,
            "evaluator": {"kind": "EVALUATOR_KIND_THIRD_PARTY", "name": "某会计师事务所"},
            "department": {"code": "440106:a"}})");

  const RunResult run = Ingest({"--json", "--concurrency", "1", dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.err;
  // One department's four reports, each stored under an id of its own.
  EXPECT_THAT(ResponsesIn(run.out),
              ElementsAre("440106:a/2023/department new", "440106:a/2023/project/fair new",
                          "440106:a/2023/project/expo new", "440106:a/2023/evaluation/fair new"));
}

TEST_F(IngestCommandTest, TargetTableTextGoesToImportWithTheDepartmentOptions) {
  StartServer();
  Write("targets-2024.txt", "项目\ta bad line\n");

  const RunResult run = Ingest({Path("targets-2024.txt"), "--department-code",
                                "440106:commerce-finance", "--district-name", "天河区", "--level",
                                "district", "--year", "2024", "--sector-tags", "commerce,finance"});

  // Stored, but a skipped line means the table is not all there.
  EXPECT_EQ(run.exit_code, 1);
  const auto imports = fake_->imports();
  ASSERT_THAT(imports, SizeIs(1));
  const auto& request = imports[0];
  EXPECT_EQ(request.text(), "项目\ta bad line\n");
  EXPECT_EQ(request.fiscal_year(), 2024);
  EXPECT_EQ(request.department().code(), "440106:commerce-finance");
  EXPECT_EQ(request.department().district().code(), "440106");
  EXPECT_EQ(request.department().district().name(), "天河区");
  EXPECT_EQ(request.department().level(), jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_THAT(request.department().sector_tags(), ElementsAre("commerce", "finance"));
  EXPECT_EQ(run.out,
            absl::StrCat("1 file: 1 stored (1 target tables), 0 failed, 0 warnings, 1 "
                         "target table lines skipped\n"
                         "skipped target table lines (the other lines were stored):\n  ",
                         Path("targets-2024.txt"), ":2: 绩效指标 cell has no 年度指标值\n"));
  EXPECT_THAT(run.err, HasSubstr("ok 440106:commerce-finance/2024/targets (2 projects)"));
}

TEST_F(IngestCommandTest, TargetTableTextWithoutTheDepartmentIsAUsageError) {
  StartServer();
  Write("targets.txt", "项目\n");
  Write("a.json", ReportJson("440106:a"));

  const RunResult run = Ingest({dir_->path()});

  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("*.txt target tables need --department-code"));
  EXPECT_THAT(fake_->submitted(), SizeIs(0));  // nothing is sent when the command line is wrong
}

// ---- --bulk: reports on SubmitReports streams, the same outcomes as calls.

TEST_F(IngestCommandTest, BulkSendsReportsOnAStreamAndReportsEachFileAsCallsWould) {
  StartServerAndWriteGoodRefusedAndBrokenReports();

  const RunResult run = Ingest({"--bulk", dir_->path()});

  EXPECT_EQ(fake_->unary_submits(), 0);
  EXPECT_THAT(fake_->stream_sizes(), ElementsAre(3));
  EXPECT_THAT(fake_->submitted(), ElementsAre("440106:a", "440106:refused", "440103:c"));
  ExpectGoodRefusedAndBrokenReported(run);
}

TEST_F(IngestCommandTest, JsonLinesGiveOneInputPerLineNamedByItsLineNumber) {
  FakeIngestService::Options options;
  options.refused_department = "440106:refused";
  StartServer(options);
  Write("reports.jsonl", absl::StrCat(ReportJson("440106:a"), "\n",          // 1
                                      "\n",                                  // 2: blank
                                      ReportJson("440106:refused"), "\r\n",  // 3
                                      "{not json\n",                         // 4
                                      ReportJson("440106:a"), "\n"));        // 5: again

  for (const bool bulk : {true, false}) {
    SCOPED_TRACE(bulk ? "--bulk" : "one call each");
    std::vector<std::string> args = {"--concurrency", "1", Path("reports.jsonl")};
    if (bulk) args.insert(args.begin(), "--bulk");
    const RunResult run = Ingest(args);

    EXPECT_EQ(run.exit_code, 1);
    const std::string broken_line = absl::StrCat("\n  ", Path("reports.jsonl"), ":4: not sent: ");
    EXPECT_EQ(run.out.substr(0, run.out.find(broken_line)),
              absl::StrCat(bulk ? "4 inputs: 2 stored (1 new, 1 unchanged)"
                                : "4 inputs: 2 stored (2 unchanged)",
                           ", 2 failed, 0 warnings\n"
                           "failed:\n",
                           RefusalLines(Path("reports.jsonl") + ":3")));
    EXPECT_THAT(run.out, HasSubstr(broken_line + "not a valid jixiao.v1.EvaluationReport JSON: "));
  }
  // The first run streamed the three reports, the second called once for each.
  EXPECT_THAT(fake_->stream_sizes(), ElementsAre(3));
  EXPECT_EQ(fake_->unary_submits(), 3);
}

TEST_F(IngestCommandTest, BulkSplitsManyReportsIntoStreamsOfAtMost500) {
  StartServer();
  std::string lines;
  for (int i = 0; i < 1200; ++i) {
    absl::StrAppend(&lines, ReportJson(absl::StrCat("440106:d", i)), "\n");
  }
  Write("many.jsonl", lines);

  const RunResult run = Ingest({"--bulk", "--concurrency", "1", Path("many.jsonl")});

  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "1200 inputs: 1200 stored (1200 new), 0 failed, 0 warnings\n");
  EXPECT_THAT(fake_->stream_sizes(), ElementsAre(500, 500, 200));
  EXPECT_THAT(fake_->submitted(), SizeIs(1200));
  EXPECT_THAT(run.err, HasSubstr("[1200/1200] ok 440106:d1199/2023/department v1 (new)"));
}

TEST_F(IngestCommandTest, BulkStillSendsTargetTablesToImport) {
  StartServer();
  Write("targets-2024.txt", "项目\n");
  Write("a.json", ReportJson("440106:a"));

  const RunResult run =
      Ingest({"--bulk", dir_->path(), "--department-code", "440106:commerce-finance",
              "--district-name", "天河区", "--level", "district", "--year", "2024"});

  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_THAT(fake_->imports(), SizeIs(1));
  EXPECT_THAT(fake_->stream_sizes(), ElementsAre(1));
  EXPECT_EQ(run.out, "2 files: 2 stored (1 new, 1 target tables), 0 failed, 0 warnings\n");
}

TEST_F(IngestCommandTest, BulkJsonPrintsWhatCallsWouldPrint) {
  StartServer();
  Write("2.json", ReportJson("440106:b"));
  Write("1.json", ReportJson("440106:a"));

  const RunResult run = Ingest({"--bulk", "--json", Path("2.json"), dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(fake_->stream_sizes(), ElementsAre(3));
  EXPECT_THAT(ResponsesIn(run.out),
              ElementsAre("440106:b/2023/department new", "440106:a/2023/department new",
                          "440106:b/2023/department same"));
  EXPECT_THAT(run.err, HasSubstr("3 files: 3 stored (2 new, 1 unchanged)"));
}

// A socket bound to a port but not listening: connecting to it is refused, and
// no other process can take the port while the test holds it.
class RefusingPort {
 public:
  RefusingPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      port_ = ntohs(address.sin_port);
    }
  }
  ~RefusingPort() {
    if (fd_ >= 0) close(fd_);
  }
  int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

TEST_F(IngestCommandTest, SaysOnceThatTheServiceCannotBeReached) {
  RefusingPort refusing;
  ASSERT_NE(refusing.port(), 0);
  address_ = absl::StrCat("127.0.0.1:", refusing.port());
  Write("a.json", ReportJson("440106:a"));
  Write("b.json", ReportJson("440106:b"));
  Write("broken.json", "[");

  for (const bool bulk : {false, true}) {
    SCOPED_TRACE(bulk ? "--bulk" : "one call each");
    const RunResult run = bulk ? Ingest({"--bulk", dir_->path()}) : Ingest({dir_->path()});

    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.out,
                HasSubstr(absl::StrCat("jixiao: cannot reach ingest service at ", address_, ": ")));
    // The files that could not be parsed are still named; the unreachable ones
    // are not listed one by one.
    EXPECT_THAT(run.out, HasSubstr(absl::StrCat(Path("broken.json"), ": not sent")));
    EXPECT_THAT(run.out, Not(HasSubstr(absl::StrCat(Path("a.json"), ": UNAVAILABLE"))));
  }
}

}  // namespace
}  // namespace jixiao::cli
