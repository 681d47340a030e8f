// `jixiao ingest` end to end on the client side: files on disk, the real ingest
// service on 127.0.0.1 over an in-memory store, and the report and exit code a
// person would see.

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
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/domain/report_json/json_codec.h"
#include "common/platform/server/server_config.h"
#include "tests/support/in_process_ingest.h"
#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"
#include "tools/jixiao/history_command.h"

namespace jixiao::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

constexpr char kSubmitReport[] = "/jixiao.v1.IngestService/SubmitReport";
constexpr char kSubmitReports[] = "/jixiao.v1.IngestService/SubmitReports";
constexpr char kImportTargetTable[] = "/jixiao.v1.IngestService/ImportTargetTable";

constexpr char kDepartmentReport[] =
    R"("kind": "REPORT_KIND_DEPARTMENT_SELF_EVALUATION", "fiscal_year": 2023, )";

// A report of the department `department_code` ("<district>:<slug>"): `fields`
// and the department, which ingest stores when `fields` make a report.
std::string ReportJson(const std::string& department_code,
                       const std::string& fields = kDepartmentReport) {
  const std::string district = department_code.substr(0, department_code.find(':'));
  return absl::StrCat("{", fields, R"("department": {"code": ")", department_code,
                      R"(", "name": "某局", "level": "ADMINISTRATIVE_LEVEL_DISTRICT", )",
                      R"("district": {"code": ")", district, R"(", "name": "某区"}}})");
}

// A report ingest refuses: it has no kind, and its fiscal year is out of range.
std::string RefusedReportJson() { return ReportJson("440106:refused", R"("fiscal_year": 1800, )"); }

// How the report lists ingest's refusal of the report at `where`: the
// summary, then each field the service named.
std::string RefusalLines(const std::string& where) {
  return absl::StrCat("  ", where,
                      ": INVALID_ARGUMENT: report refused: 2 violations; the first: "
                      "report.kind is required\n"
                      "    report.kind: is required\n"
                      "    report.fiscal_year: must be between 2000 and 2100, got 1800");
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
    // The binary's queue: a bulk stream keeps up to 256 reports waiting for a worker.
    jixiao::testing::InProcessIngest::Options options;
    options.worker_queue = server::ServerConfig().worker_queue;
    ASSERT_OK_AND_ASSIGN(ingest_, jixiao::testing::InProcessIngest::Start(options));
    address_ = ingest_->address();
  }

  // Four files: two good reports, one ingest refuses and one that is not JSON.
  void WriteGoodRefusedAndBrokenReports() {
    Write("a.json", ReportJson("440106:a"));
    Write("b-refused.json", RefusedReportJson());
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
    EXPECT_THAT(StoredReportIds(),
                ElementsAre("440103:c/2023/department", "440106:a/2023/department"));
  }

  // The ids of the reports the service stored, in id order.
  std::vector<std::string> StoredReportIds() {
    std::vector<std::string> ids;
    const auto page = ingest_->store().ListReports({}, ingest::kMaxPageSize, "");
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) {
      for (const jixiao::v1::ReportSummary& stored : page->reports) {
        ids.push_back(stored.ref().report_id());
      }
    }
    return ids;
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
  jixiao::testing::CallRecorder& calls() { return ingest_->calls(); }

  std::unique_ptr<jixiao::testing::TempDir> dir_;
  std::unique_ptr<jixiao::testing::InProcessIngest> ingest_;
  std::string address_;
};

TEST_F(IngestCommandTest, ReportsEachFailedFileWithTheFieldsTheServiceNamed) {
  WriteGoodRefusedAndBrokenReports();
  Write(".hidden/d.json", ReportJson("440106:hidden"));  // skipped, as is any dot entry
  Write("notes.md", "not an input");

  const RunResult run = Ingest({dir_->path()});

  EXPECT_EQ(calls().calls(kSubmitReport), 3);
  ExpectGoodRefusedAndBrokenReported(run);
}

// `jixiao history` after two versions: a row each, oldest first, with who sent
// it (the service runs without an access policy: "anonymous") and from where.
TEST_F(IngestCommandTest, HistoryShowsEveryVersionWithItsSubmitter) {
  Write("a.json", ReportJson("440106:a"));
  ASSERT_EQ(Ingest({Path("a.json")}).exit_code, 0);
  Write("a.json", ReportJson("440106:a", R"("kind": "REPORT_KIND_DEPARTMENT_SELF_EVALUATION", )"
                                         R"("fiscal_year": 2023, "overall_goal": "修订", )"));
  ASSERT_EQ(Ingest({Path("a.json")}).exit_code, 0);

  ::testing::internal::CaptureStdout();
  const int exit_code = RunHistory({"--ingest", address_, "440106:a/2023/department"});
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(exit_code, 0);
  const std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_THAT(lines, SizeIs(5)) << out;  // title, header, rule, two versions
  EXPECT_EQ(lines[0], "440106:a/2023/department: 2 versions");
  EXPECT_THAT(lines[1], HasSubstr("submitted by"));
  EXPECT_THAT(lines[3], ::testing::StartsWith("1 "));
  EXPECT_THAT(lines[4], ::testing::StartsWith("2 "));
  for (const std::string& row : {lines[3], lines[4]}) {
    EXPECT_THAT(row, HasSubstr(" anonymous "));
    EXPECT_THAT(row, HasSubstr(":127.0.0.1:"));
  }

  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunHistory({"--ingest", address_, "440106:nobody/2023/department"}), 1);
  EXPECT_THAT(::testing::internal::GetCapturedStderr(), HasSubstr("NOT_FOUND"));
}

TEST_F(IngestCommandTest, KeepsTheNumberOfCallsInFlightAtTheConcurrencyAsked) {
  for (int i = 0; i < 5; ++i) {
    Write(absl::StrCat("r", i, ".json"), ReportJson(absl::StrCat("440106:d", i)));
  }
  // Nothing is stored, and so nothing answered, until two calls overlap: a
  // client that sent one call at a time would never get there.
  ingest_->store().HoldCommits();
  RunResult run;
  std::thread client([&] { run = Ingest({"--concurrency", "2", dir_->path()}); });
  const bool overlapped = calls().WaitForInFlight(2, absl::Seconds(20));
  ingest_->store().ReleaseCommits();
  client.join();

  EXPECT_TRUE(overlapped);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "5 files: 5 stored (5 new), 0 failed, 0 warnings\n");
  EXPECT_THAT(run.err, HasSubstr("[5/5] ok 440106:d"));
  EXPECT_THAT(run.err, HasSubstr(" v1 (new)"));
  EXPECT_EQ(calls().max_in_flight(), 2);
}

TEST_F(IngestCommandTest, JsonPrintsOneResponsePerLineInInputOrder) {
  Write("2.json", ReportJson("440106:b"));
  Write("1.json", ReportJson("440106:a"));

  // One call at a time, so that the service sees the first 2.json first.
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
  Write("1-department.json", ReportJson("440106:a"));
  constexpr char kProject[] =
      R"("kind": "REPORT_KIND_PROJECT_SELF_EVALUATION", "fiscal_year": 2023, "project_code": )";
  Write("2-fair.json", ReportJson("440106:a", absl::StrCat(kProject, R"("fair", )")));
  Write("3-expo.json", ReportJson("440106:a", absl::StrCat(kProject, R"("expo", )")));
  Write("4-evaluation.json",
        ReportJson("440106:a",
                   R"("kind": "REPORT_KIND_EXTERNAL_EVALUATION", "fiscal_year": 2023,
                      "project_code": "fair", "period_start_year": 2021, "evaluator": {
                      "kind": "EVALUATOR_KIND_THIRD_PARTY", "name": "某会计师事务所"}, )"));

  const RunResult run = Ingest({"--json", "--concurrency", "1", dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  // One department's four reports, each stored under an id of its own.
  EXPECT_THAT(ResponsesIn(run.out),
              ElementsAre("440106:a/2023/department new", "440106:a/2023/project/fair new",
                          "440106:a/2023/project/expo new", "440106:a/2023/evaluation/fair new"));
}

TEST_F(IngestCommandTest, TargetTableTextGoesToImportWithTheDepartmentOptions) {
  Write("targets-2024.txt",
        absl::StrCat(jixiao::testing::ReadSourceFile(
                         "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt"),
                     "\n只有名称的一行\n"));

  const RunResult run = Ingest({Path("targets-2024.txt"), "--department-code",
                                "440106:commerce-finance", "--district-name", "天河区", "--level",
                                "district", "--year", "2024", "--sector-tags", "commerce,finance"});

  // Stored, but a skipped line means the table is not all there.
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(calls().calls(kImportTargetTable), 1);
  ASSERT_OK_AND_ASSIGN(const ingest::StoredTargetTable stored,
                       ingest_->store().GetTargetTable("440106:commerce-finance/2024/targets", 0));
  const jixiao::v1::Department& department = stored.table.department();
  EXPECT_EQ(stored.table.fiscal_year(), 2024);
  EXPECT_EQ(department.district().code(), "440106");
  EXPECT_EQ(department.district().name(), "天河区");
  EXPECT_EQ(department.level(), jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  EXPECT_THAT(department.sector_tags(), ElementsAre("commerce", "finance"));
  EXPECT_EQ(run.out, absl::StrCat("1 file: 1 stored (1 target tables), 0 failed, 0 warnings, 1 "
                                  "target table lines skipped\n"
                                  "skipped target table lines (the other lines were stored):\n  ",
                                  Path("targets-2024.txt"),
                                  ":40: expected 7 tab-separated columns, found 1\n"));
  EXPECT_THAT(run.err, HasSubstr("ok 440106:commerce-finance/2024/targets (24 projects)"));
}

TEST_F(IngestCommandTest, TargetTableTextWithoutTheDepartmentIsAUsageError) {
  Write("targets.txt", "项目\n");
  Write("a.json", ReportJson("440106:a"));

  const RunResult run = Ingest({dir_->path()});

  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("*.txt target tables need --department-code"));
  // Nothing is sent when the command line is wrong.
  EXPECT_EQ(calls().calls(kSubmitReport) + calls().calls(kSubmitReports), 0);
}

// ---- --bulk: reports on SubmitReports streams, the same outcomes as calls.

TEST_F(IngestCommandTest, BulkSendsReportsOnAStreamAndReportsEachFileAsCallsWould) {
  WriteGoodRefusedAndBrokenReports();

  const RunResult run = Ingest({"--bulk", dir_->path()});

  EXPECT_EQ(calls().calls(kSubmitReport), 0);
  EXPECT_THAT(calls().messages_per_call(kSubmitReports), ElementsAre(3));
  ExpectGoodRefusedAndBrokenReported(run);
}

TEST_F(IngestCommandTest, JsonLinesGiveOneInputPerLineNamedByItsLineNumber) {
  Write("reports.jsonl", absl::StrCat(ReportJson("440106:a"), "\n",    // 1
                                      "\n",                            // 2: blank
                                      RefusedReportJson(), "\r\n",     // 3
                                      "{not json\n",                   // 4
                                      ReportJson("440106:a"), "\n"));  // 5: again

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
  EXPECT_THAT(calls().messages_per_call(kSubmitReports), ElementsAre(3));
  EXPECT_EQ(calls().calls(kSubmitReport), 3);
}

TEST_F(IngestCommandTest, BulkSplitsManyReportsIntoStreamsOfAtMost500) {
  std::string lines;
  for (int i = 0; i < 1200; ++i) {
    absl::StrAppend(&lines, ReportJson(absl::StrCat("440106:d", i)), "\n");
  }
  Write("many.jsonl", lines);

  const RunResult run = Ingest({"--bulk", "--concurrency", "1", Path("many.jsonl")});

  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "1200 inputs: 1200 stored (1200 new), 0 failed, 0 warnings\n");
  EXPECT_THAT(calls().messages_per_call(kSubmitReports), ElementsAre(500, 500, 200));
  EXPECT_THAT(run.err, HasSubstr("[1200/1200] ok 440106:d1199/2023/department v1 (new)"));
}

TEST_F(IngestCommandTest, BulkStillSendsTargetTablesToImport) {
  Write("targets-2024.txt",
        jixiao::testing::ReadSourceFile(
            "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt"));
  Write("a.json", ReportJson("440106:a"));

  const RunResult run =
      Ingest({"--bulk", dir_->path(), "--department-code", "440106:commerce-finance",
              "--district-name", "天河区", "--level", "district", "--year", "2024"});

  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(calls().calls(kImportTargetTable), 1);
  EXPECT_THAT(calls().messages_per_call(kSubmitReports), ElementsAre(1));
  EXPECT_EQ(run.out, "2 files: 2 stored (1 new, 1 target tables), 0 failed, 0 warnings\n");
}

TEST_F(IngestCommandTest, BulkJsonPrintsWhatCallsWouldPrint) {
  Write("2.json", ReportJson("440106:b"));
  Write("1.json", ReportJson("440106:a"));

  const RunResult run = Ingest({"--bulk", "--json", Path("2.json"), dir_->path()});

  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(calls().messages_per_call(kSubmitReports), ElementsAre(3));
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
