// The progress lines and the closing report of `jixiao ingest`, from outcomes
// built by hand.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tools/jixiao/ingest_progress.h"
#include "tools/jixiao/ingest_report.h"
#include "tools/jixiao/rich_status.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

IngestOutcome Stored(const std::string& id, bool created) {
  IngestOutcome outcome;
  outcome.path = "reports/" + id + ".json";
  outcome.sent = true;
  outcome.stored_id = id;
  outcome.version = created ? 2 : 1;
  outcome.created = created;
  return outcome;
}

IngestOutcome Unreachable(const std::string& path) {
  IngestOutcome outcome;
  outcome.path = path;
  outcome.sent = true;
  outcome.call_status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "failed to connect");
  return outcome;
}

TEST(DescribeOutcome, SaysWhatWasStoredOrThatItFailed) {
  EXPECT_EQ(DescribeOutcome(Stored("440106:ccpit/2023/department", true)),
            "ok 440106:ccpit/2023/department v2 (new)");
  EXPECT_EQ(DescribeOutcome(Stored("440106:ccpit/2023/department", false)),
            "ok 440106:ccpit/2023/department v1 (unchanged)");
  IngestOutcome table = Stored("440106:x/2024/targets", true);
  table.is_target_table = true;
  table.projects = 24;
  EXPECT_EQ(DescribeOutcome(table), "ok 440106:x/2024/targets (24 projects)");
  EXPECT_EQ(DescribeOutcome(Unreachable("a.json")), "FAILED a.json: UNAVAILABLE");
  IngestOutcome broken;
  broken.path = "b.json";
  broken.local_error = absl::InvalidArgumentError("not JSON");
  EXPECT_EQ(DescribeOutcome(broken), "FAILED b.json: not sent");
}

TEST(IngestProgress, LogsEveryHundredthFileAndTheLast) {
  std::ostringstream err;
  IngestProgress progress(err, /*terminal=*/false, 250);
  for (size_t done = 1; done <= 250; ++done) {
    progress.Update(done, done == 7 ? Unreachable("x.json") : Stored("d/2023/department", true));
  }
  progress.Finish();
  EXPECT_EQ(err.str(),
            "[100/250, 1 failed] ok d/2023/department v2 (new)\n"
            "[200/250, 1 failed] ok d/2023/department v2 (new)\n"
            "[250/250, 1 failed] ok d/2023/department v2 (new)\n");
}

TEST(IngestProgress, RewritesOneLineOnATerminal) {
  std::ostringstream err;
  IngestProgress progress(err, /*terminal=*/true, 2);
  progress.Update(1, Stored("440106:ccpit/2023/department", true));
  progress.Update(2, Stored("a", false));
  progress.Finish();
  EXPECT_EQ(err.str(),
            "\r[1/2] ok 440106:ccpit/2023/department v2 (new)\x1b[K"
            "\r[2/2] ok a v1 (unchanged)\x1b[K\n");
}

TEST(IngestProgress, CutsLinesToTheTerminalWidth) {
  const std::string long_line =
      "[1/1] ok " + std::string(40, 'x') + "天河区商务和金融工作局天河区商务和金融工作局";
  const std::string fitted = FitToColumns(long_line, IngestProgress::kTerminalColumns);
  EXPECT_LE(DisplayWidth(fitted), IngestProgress::kTerminalColumns);
  EXPECT_EQ(fitted.substr(fitted.size() - 3), "…");
  EXPECT_EQ(FitToColumns("short", 79), "short");
}

TEST(IngestReport, CountsWhatWasStored) {
  IngestOutcome table = Stored("t", true);
  table.is_target_table = true;
  table.warnings = 2;
  IngestOutcome warned = Stored("a", true);
  warned.warnings = 1;
  std::ostringstream out;
  PrintIngestReport({warned, Stored("b", false), table}, ServiceEndpoint(), out);
  EXPECT_EQ(out.str(),
            "3 files: 3 stored (1 new, 1 unchanged, 1 target tables), 0 failed, 3 warnings\n");
}

TEST(IngestReport, ListsUnavailableFilesWhenOthersGotThrough) {
  // The service answered some calls: an UNAVAILABLE is about that file's call
  // (a restart, a broken connection), so each is listed.
  ServiceEndpoint endpoint;
  endpoint.service = "ingest";
  endpoint.address = "ingest:50051";
  std::ostringstream out;
  PrintIngestReport({Stored("a", true), Unreachable("b.json")}, endpoint, out);
  EXPECT_EQ(out.str(),
            "2 files: 1 stored (1 new), 1 failed, 0 warnings\n"
            "failed:\n"
            "  b.json: UNAVAILABLE: failed to connect\n");
  EXPECT_THAT(out.str(), Not(HasSubstr("cannot reach")));
}

TEST(IngestReport, SaysOnceWhenNothingReachedTheService) {
  ServiceEndpoint endpoint;
  endpoint.service = "ingest";
  endpoint.address = "ingest:50051";
  std::ostringstream out;
  PrintIngestReport({Unreachable("a.json"), Unreachable("b.json")}, endpoint, out);
  EXPECT_EQ(out.str(),
            "2 files: 0 stored, 2 failed, 0 warnings\n"
            "jixiao: cannot reach ingest service at ingest:50051: failed to connect\n");
}

TEST(IngestReport, NamesTheLineOfAJsonLinesFileAndCountsInputs) {
  IngestOutcome refused;
  refused.path = "all.jsonl";
  refused.line = 7;
  refused.sent = true;
  jixiao::v1::SubmitReportsItemResult item;
  item.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  item.set_message("report refused: 1 violation; report.kind is required");
  item.add_violations()->set_field("report.kind");
  item.mutable_violations(0)->set_description("is required");
  refused.call_status = ItemStatus(item);
  IngestOutcome stored = Stored("a", true);
  stored.path = "all.jsonl";
  stored.line = 1;

  EXPECT_EQ(DescribeOutcome(refused), "FAILED all.jsonl:7: INVALID_ARGUMENT");
  std::ostringstream out;
  PrintIngestReport({stored, refused}, ServiceEndpoint(), out);
  EXPECT_EQ(out.str(),
            "2 inputs: 1 stored (1 new), 1 failed, 0 warnings\n"
            "failed:\n"
            "  all.jsonl:7: INVALID_ARGUMENT: report refused: 1 violation; report.kind is "
            "required\n"
            "    report.kind: is required\n");
}

TEST(ItemStatus, IsWhatSubmitReportWouldHaveAnswered) {
  jixiao::v1::SubmitReportsItemResult stored;
  stored.mutable_ref()->set_version(3);
  EXPECT_TRUE(ItemStatus(stored).ok());

  jixiao::v1::SubmitReportsItemResult busy;
  busy.set_code(static_cast<int>(grpc::StatusCode::UNAVAILABLE));
  busy.set_message("database is busy");
  const grpc::Status unavailable = ItemStatus(busy);
  EXPECT_EQ(unavailable.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(unavailable.error_message(), "database is busy");
  EXPECT_EQ(unavailable.error_details(), "");

  jixiao::v1::SubmitReportsItemResult refused;
  refused.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  refused.set_message("report refused: 2 violations; the first: report.kind is required");
  for (const char* field : {"report.kind", "report.budget.initial.fen"}) {
    auto* violation = refused.add_violations();
    violation->set_field(field);
    violation->set_description("is wrong");
  }
  const auto violations = BadRequestViolations(ItemStatus(refused));
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].field(), "report.kind");
  EXPECT_EQ(violations[1].field(), "report.budget.initial.fen");
  EXPECT_EQ(violations[1].description(), "is wrong");
}

}  // namespace
}  // namespace jixiao::cli
