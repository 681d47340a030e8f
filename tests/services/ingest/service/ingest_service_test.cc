// IngestServiceImpl in-process: a real ServerRunner on loopback, a SQLite
// store in memory behind the group commit, and a real channel and stub.

#include "services/ingest/service/ingest_service.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "common/platform/logging/recording_log_sink.h"
#include "common/platform/server/rich_error.h"
#include "common/platform/server/server_runner.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/ingest/service/submit_reports_reactor.h"
#include "tests/common/platform/server/test_client.h"
#include "tests/services/ingest/service/pending_call.h"
#include "tests/services/ingest/service/seeds.h"
#include "tests/support/in_process_ingest.h"
#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"
#include "tests/support/worker_pool_filler.h"
#include "tools/gen/dataset_shape.h"
#include "tools/gen/report_generator.h"

namespace jixiao::ingest {
namespace {

using google::protobuf::util::MessageDifferencer;
using jixiao::v1::EvaluationReport;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::SizeIs;

// Bounds waits on events that normally take milliseconds; they only turn a
// hang into a failure.
constexpr absl::Duration kPatience = absl::Seconds(10);

// Records each publication; can hold Publish (and with it the acknowledgement)
// until released.
class RecordingPublisher final : public ReportPublisher {
 public:
  struct Publication {
    std::string report_id;  // of the report handed over
    jixiao::v1::ReportRef ref;
    bool created = false;
  };

  void Publish(const EvaluationReport& report, const PutOutcome& outcome) override {
    std::unique_lock<std::mutex> lock(mu_);
    publications_.push_back({report.report_id(), outcome.ref, outcome.created});
    changed_.notify_all();
    changed_.wait(lock, [this] { return !hold_; });
  }

  void Hold() {
    std::lock_guard<std::mutex> lock(mu_);
    hold_ = true;
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    hold_ = false;
    changed_.notify_all();
  }
  bool WaitForCount(size_t count, absl::Duration timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    return changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                             [&] { return publications_.size() >= count; });
  }
  std::vector<Publication> publications() {
    std::lock_guard<std::mutex> lock(mu_);
    return publications_;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool hold_ = false;                      // guarded by mu_
  std::vector<Publication> publications_;  // guarded by mu_
};

// The service in this process, and a stub to call it.
class IngestServer {
 public:
  explicit IngestServer(int workers = 2, int worker_queue = 16,
                        absl::Duration drain = absl::Seconds(10)) {
    jixiao::testing::InProcessIngest::Options options;
    options.workers = workers;
    options.worker_queue = worker_queue;
    options.drain = drain;
    options.commit_batch = 16;
    options.publisher = &publisher_;
    options.logger = logging::Logger(logging::LogLevel::kDebug, &log_);
    absl::StatusOr<std::unique_ptr<jixiao::testing::InProcessIngest>> ingest =
        jixiao::testing::InProcessIngest::Start(options);
    if (!ingest.ok()) {
      std::fprintf(stderr, "cannot start ingest: %s\n", ingest.status().ToString().c_str());
      std::abort();
    }
    ingest_ = *std::move(ingest);
    channel_ = grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials());
    stub_ = jixiao::v1::IngestService::NewStub(channel_);
  }
  // The server stops before the publisher it calls into; nothing held may
  // keep a call from finishing.
  ~IngestServer() {
    publisher_.Release();
    ingest_.reset();
  }

  jixiao::v1::IngestService::Stub& stub() { return *stub_; }
  const std::shared_ptr<grpc::Channel>& channel() { return channel_; }
  jixiao::testing::InstrumentedReportStore& store() { return ingest_->store(); }
  RecordingPublisher& publisher() { return publisher_; }
  WorkerPool& workers() { return ingest_->workers(); }
  server::ServerRunner& runner() { return ingest_->runner(); }
  logging::RecordingLogSink& log() { return log_; }

  grpc::Status Submit(const EvaluationReport& report, jixiao::v1::SubmitReportResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + absl::ToChronoSeconds(kPatience));
    jixiao::v1::SubmitReportRequest request;
    *request.mutable_report() = report;
    return stub_->SubmitReport(&context, request, response);
  }

  // Sends `requests` on one SubmitReports stream, half-closes and waits for
  // the answer.
  grpc::Status SubmitStream(const std::vector<jixiao::v1::SubmitReportRequest>& requests,
                            jixiao::v1::SubmitReportsResponse* response,
                            absl::Duration patience = kPatience) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + absl::ToChronoNanoseconds(patience));
    std::unique_ptr<grpc::ClientWriter<jixiao::v1::SubmitReportRequest>> writer =
        stub_->SubmitReports(&context, response);
    for (const auto& request : requests) {
      if (!writer->Write(request)) break;  // the stream broke: Finish says why
    }
    writer->WritesDone();
    return writer->Finish();
  }

  grpc::Status Get(const std::string& report_id, int64_t version,
                   jixiao::v1::GetReportResponse* response) {
    grpc::ClientContext context;
    jixiao::v1::GetReportRequest request;
    request.set_report_id(report_id);
    request.set_version(version);
    return stub_->GetReport(&context, request, response);
  }

  grpc::Status List(const jixiao::v1::ListReportsRequest& request,
                    jixiao::v1::ListReportsResponse* response) {
    grpc::ClientContext context;
    return stub_->ListReports(&context, request, response);
  }

  grpc::Status Import(const jixiao::v1::ImportTargetTableRequest& request,
                      jixiao::v1::ImportTargetTableResponse* response) {
    grpc::ClientContext context;
    return stub_->ImportTargetTable(&context, request, response);
  }

  // Every report_id ListReports returns for `request`, page after page.
  std::vector<std::string> ListAll(jixiao::v1::ListReportsRequest request) {
    std::vector<std::string> ids;
    for (int page = 0; page < 100; ++page) {
      jixiao::v1::ListReportsResponse response;
      const grpc::Status status = List(request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      for (const auto& summary : response.reports()) ids.push_back(summary.ref().report_id());
      if (!status.ok() || response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    return ids;
  }

 private:
  logging::RecordingLogSink log_;
  RecordingPublisher publisher_;
  std::unique_ptr<jixiao::testing::InProcessIngest> ingest_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<jixiao::v1::IngestService::Stub> stub_;
};

// The fields a status's google.rpc.BadRequest names, in order.
std::vector<std::string> FieldsOf(const grpc::Status& status) {
  std::vector<std::string> fields;
  for (const auto& violation : server::BadRequestViolations(status)) {
    fields.push_back(violation.field());
  }
  return fields;
}

EvaluationReport Seed(const std::string& report_id) {
  for (EvaluationReport& report : testing::SeedReports()) {
    if (report.report_id() == report_id) return report;
  }
  throw std::runtime_error("no seed " + report_id);
}

constexpr char kCcpit[] = "440106:ccpit/2023/department";

jixiao::v1::SubmitReportRequest RequestFor(const EvaluationReport& report) {
  jixiao::v1::SubmitReportRequest request;
  *request.mutable_report() = report;
  return request;
}

std::vector<std::string> ViolatedFields(const jixiao::v1::SubmitReportsItemResult& result) {
  std::vector<std::string> fields;
  for (const auto& violation : result.violations()) fields.push_back(violation.field());
  return fields;
}

TEST(IngestServiceTest, StoresEverySeedReport) {
  IngestServer server;
  const std::vector<EvaluationReport> seeds = testing::SeedReports();
  ASSERT_THAT(seeds, SizeIs(4));
  for (const EvaluationReport& seed : seeds) {
    jixiao::v1::SubmitReportResponse submitted;
    const grpc::Status status = server.Submit(seed, &submitted);
    ASSERT_TRUE(status.ok()) << seed.report_id() << ": " << status.error_message();
    EXPECT_TRUE(submitted.created());
    EXPECT_EQ(submitted.ref().report_id(), seed.report_id());
    EXPECT_EQ(submitted.ref().version(), 1);
    EXPECT_THAT(submitted.ref().content_hash(), MatchesRegex("[0-9a-f]{64}"));

    jixiao::v1::GetReportResponse stored;
    ASSERT_TRUE(server.Get(seed.report_id(), 0, &stored).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(stored.ref(), submitted.ref()));
    EXPECT_TRUE(MessageDifferencer::Equals(stored.report(), normalization::NormalizeReport(seed)));
    EXPECT_GT(stored.stored_at_unix_ms(), 0);
  }
  EXPECT_THAT(server.ListAll({}), SizeIs(4));
}

TEST(IngestServiceTest, TheSameContentTwiceIsTheSameVersion) {
  IngestServer server;
  jixiao::v1::SubmitReportResponse first;
  jixiao::v1::SubmitReportResponse second;
  ASSERT_TRUE(server.Submit(Seed(kCcpit), &first).ok());
  ASSERT_TRUE(server.Submit(Seed(kCcpit), &second).ok());
  EXPECT_TRUE(first.created());
  EXPECT_FALSE(second.created());
  EXPECT_TRUE(MessageDifferencer::Equals(first.ref(), second.ref()));
  // Warnings are the report's, whether or not this call stored it.
  EXPECT_EQ(first.warnings_size(), second.warnings_size());
}

TEST(IngestServiceTest, ChangedContentIsANewVersionAndTheOldOneStays) {
  IngestServer server;
  const EvaluationReport original = Seed(kCcpit);
  EvaluationReport changed = original;
  changed.set_overall_goal(original.overall_goal() + "（修订）");

  jixiao::v1::SubmitReportResponse v1;
  jixiao::v1::SubmitReportResponse v2;
  ASSERT_TRUE(server.Submit(original, &v1).ok());
  ASSERT_TRUE(server.Submit(changed, &v2).ok());
  EXPECT_EQ(v1.ref().version(), 1);
  EXPECT_EQ(v2.ref().version(), 2);
  EXPECT_TRUE(v2.created());
  EXPECT_NE(v1.ref().content_hash(), v2.ref().content_hash());

  jixiao::v1::GetReportResponse old_version;
  ASSERT_TRUE(server.Get(kCcpit, 1, &old_version).ok());
  EXPECT_EQ(old_version.report().overall_goal(), original.overall_goal());
  EXPECT_EQ(old_version.ref().content_hash(), v1.ref().content_hash());
  jixiao::v1::GetReportResponse latest;
  ASSERT_TRUE(server.Get(kCcpit, 0, &latest).ok());
  EXPECT_EQ(latest.ref().version(), 2);
  EXPECT_EQ(latest.report().overall_goal(), changed.overall_goal());
}

TEST(IngestServiceTest, GetReportSaysWhatItDidNotFind) {
  IngestServer server;
  jixiao::v1::GetReportResponse response;
  grpc::Status status = server.Get("440106:nobody/2023/department", 0, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("440106:nobody/2023/department"));

  jixiao::v1::SubmitReportResponse submitted;
  ASSERT_TRUE(server.Submit(Seed(kCcpit), &submitted).ok());
  status = server.Get(kCcpit, 2, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr(kCcpit));
}

TEST(IngestServiceTest, GetReportRefusesAMissingIdNamingTheField) {
  IngestServer server;
  jixiao::v1::GetReportResponse response;
  const grpc::Status status = server.Get("", -1, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(status), ElementsAre("report_id", "version"));
}

TEST(IngestServiceTest, AStructurallyBadReportIsRefusedWithFieldViolationsAndNotStored) {
  IngestServer server;
  EvaluationReport bad = Seed(kCcpit);
  bad.set_kind(jixiao::v1::REPORT_KIND_UNSPECIFIED);
  bad.mutable_budget()->mutable_initial()->set_fen(-5);

  jixiao::v1::SubmitReportResponse response;
  const grpc::Status status = server.Submit(bad, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("report refused: 2 violations"));
  const server::FieldViolations violations = server::BadRequestViolations(status);
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[0].field(), "report.kind");
  EXPECT_EQ(violations[0].description(), "is required");
  EXPECT_EQ(violations[1].field(), "report.budget.initial.fen");
  EXPECT_THAT(server.ListAll({}), IsEmpty());
  EXPECT_THAT(server.publisher().publications(), IsEmpty());
}

TEST(IngestServiceTest, ProjectReportsAndEvaluationsAreStoredUnderIdsOfTheirOwn) {
  IngestServer server;
  std::vector<std::string> stored;
  auto submit = [&](EvaluationReport report) {
    report.clear_report_id();  // derived on ingest
    jixiao::v1::SubmitReportResponse response;
    const grpc::Status status = server.Submit(report, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(response.created());
    stored.push_back(response.ref().report_id());
  };
  EvaluationReport project = Seed(kCcpit);
  project.set_kind(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  for (const char* code : {"fair", "expo"}) {
    project.set_project_code(code);
    submit(project);
  }
  EvaluationReport evaluation = project;
  evaluation.set_kind(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION);
  evaluation.set_project_code("fair");
  evaluation.mutable_evaluator()->set_kind(jixiao::v1::EVALUATOR_KIND_THIRD_PARTY);
  evaluation.mutable_evaluator()->set_name("云南泛正会计师事务所(普通合伙)");
  evaluation.set_period_start_year(2021);
  submit(evaluation);
  submit(Seed(kCcpit));
  EXPECT_THAT(stored,
              ElementsAre("440106:ccpit/2023/project/fair", "440106:ccpit/2023/project/expo",
                          "440106:ccpit/2023/evaluation/fair", kCcpit));

  jixiao::v1::ListReportsResponse listed;
  ASSERT_TRUE(server.List({}, &listed).ok());
  std::vector<std::string> kinds;
  for (const auto& summary : listed.reports()) {
    kinds.push_back(
        absl::StrCat(summary.ref().report_id(), " ", jixiao::v1::ReportKind_Name(summary.kind())));
  }
  EXPECT_THAT(kinds,
              ElementsAre("440106:ccpit/2023/department REPORT_KIND_DEPARTMENT_SELF_EVALUATION",
                          "440106:ccpit/2023/evaluation/fair REPORT_KIND_EXTERNAL_EVALUATION",
                          "440106:ccpit/2023/project/expo REPORT_KIND_PROJECT_SELF_EVALUATION",
                          "440106:ccpit/2023/project/fair REPORT_KIND_PROJECT_SELF_EVALUATION"));

  // A project report without its code is refused, naming the field.
  project.clear_report_id();
  project.clear_project_code();
  jixiao::v1::SubmitReportResponse response;
  const grpc::Status refused = server.Submit(project, &response);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(refused), ElementsAre("report.project_code"));
}

TEST(IngestServiceTest, AnAbsentReportIsOneViolation) {
  IngestServer server;
  grpc::ClientContext context;
  jixiao::v1::SubmitReportResponse response;
  const grpc::Status status =
      server.stub().SubmitReport(&context, jixiao::v1::SubmitReportRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(status), ElementsAre("report"));
}

// A length-delimited field: tag (field number, wire type 2), length, bytes.
std::string Nested(int field, const std::string& bytes) {
  std::string encoded(1, static_cast<char>(field << 3 | 2));
  for (size_t length = bytes.size();; length >>= 7) {
    encoded += static_cast<char>(length < 0x80 ? length : (length & 0x7f) | 0x80);
    if (length < 0x80) break;
  }
  return encoded + bytes;
}

TEST(IngestServiceTest, AnUnparseableRequestIsInvalidArgumentNamingTheType) {
  IngestServer server;
  // Sub-items within sub-items, past the parser's depth limit of 100.
  std::string deep;
  for (int i = 0; i < 120; ++i) deep = Nested(/*sub_items*/ 6, deep);
  const std::vector<std::string> requests = {
      std::string("\x0a\x05"
                  "abc"),                          // a length past the end
      Nested(1, Nested(/*report_id*/ 1, "\xff")),  // a string that is not UTF-8
      Nested(1, Nested(/*management_items*/ 12, deep)),
  };
  for (const std::string& request : requests) {
    const server::testing::UnaryResult result = server::testing::CallUnary(
        server.channel(), "/jixiao.v1.IngestService/SubmitReport", request);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(result.status.error_message(),
                HasSubstr("cannot be parsed as a jixiao.v1.SubmitReportRequest"));
  }
  EXPECT_THAT(server.ListAll({}), IsEmpty());
}

TEST(IngestServiceTest, ThousandsOfViolationsStillReachTheClientAsBadRequest) {
  IngestServer server;
  EvaluationReport bad = Seed(kCcpit);
  for (int i = 0; i < 1000; ++i) {
    jixiao::v1::Indicator* indicator = bad.add_indicators();
    indicator->set_level1_code("9");
    indicator->set_level2_code("99");
  }
  jixiao::v1::SubmitReportResponse response;
  const grpc::Status status = server.Submit(bad, &response);
  // Details too large for the trailers would reach the client as another code.
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  const server::FieldViolations violations = server::BadRequestViolations(status);
  ASSERT_GT(violations.size(), 10u);
  EXPECT_THAT(violations.back().description(), HasSubstr("more violations are not listed"));
}

TEST(IngestServiceTest, ListReportsFilters) {
  IngestServer server;
  for (const EvaluationReport& seed : testing::SeedReports()) {
    jixiao::v1::SubmitReportResponse response;
    ASSERT_TRUE(server.Submit(seed, &response).ok());
  }
  jixiao::v1::ListReportsRequest by_year;
  by_year.set_fiscal_year(2022);
  EXPECT_THAT(server.ListAll(by_year), ElementsAre("440103:commerce-investment/2022/department"));

  jixiao::v1::ListReportsRequest by_district;
  by_district.set_district_code("440106");
  EXPECT_THAT(server.ListAll(by_district), ElementsAre("440106:ccpit/2023/department",
                                                       "440106:commerce-finance/2023/department"));

  jixiao::v1::ListReportsRequest by_level;
  by_level.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_CITY);
  EXPECT_THAT(server.ListAll(by_level), ElementsAre("440100:commerce/2023/department"));

  jixiao::v1::ListReportsRequest by_tag;
  by_tag.set_sector_tag("trade-promotion");
  EXPECT_THAT(server.ListAll(by_tag), ElementsAre(kCcpit));

  jixiao::v1::ListReportsRequest summary_request;
  summary_request.set_district_code("440100");
  jixiao::v1::ListReportsResponse summaries;
  ASSERT_TRUE(server.List(summary_request, &summaries).ok());
  ASSERT_THAT(summaries.reports(), SizeIs(1));
  EXPECT_EQ(summaries.reports(0).fiscal_year(), 2023);
  EXPECT_EQ(summaries.reports(0).department().code(), "440100:commerce");
  EXPECT_EQ(summaries.reports(0).kind(), jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
}

TEST(IngestServiceTest, ListReportsPagesThroughEveryReportOnce) {
  IngestServer server;
  for (const EvaluationReport& seed : testing::SeedReports()) {
    jixiao::v1::SubmitReportResponse response;
    ASSERT_TRUE(server.Submit(seed, &response).ok());
  }
  jixiao::v1::ListReportsRequest request;
  request.set_page_size(1);
  std::vector<std::string> ids;
  int pages = 0;
  for (;;) {
    jixiao::v1::ListReportsResponse response;
    ASSERT_TRUE(server.List(request, &response).ok());
    ++pages;
    ASSERT_LE(response.reports_size(), 1);
    for (const auto& summary : response.reports()) ids.push_back(summary.ref().report_id());
    if (response.next_page_token().empty()) break;
    ASSERT_LE(pages, 10);
    request.set_page_token(response.next_page_token());
  }
  EXPECT_THAT(ids, ElementsAre("440100:commerce/2023/department",
                               "440103:commerce-investment/2022/department", kCcpit,
                               "440106:commerce-finance/2023/department"));

  jixiao::v1::ListReportsRequest all_at_once;
  all_at_once.set_page_size(500);
  EXPECT_EQ(server.ListAll(all_at_once), ids);
}

TEST(IngestServiceTest, ListReportsRefusesBadPagingNamingTheField) {
  IngestServer server;
  jixiao::v1::ListReportsResponse response;

  jixiao::v1::ListReportsRequest negative;
  negative.set_page_size(-1);
  grpc::Status status = server.List(negative, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(status), ElementsAre("page_size"));

  jixiao::v1::ListReportsRequest garbage;
  garbage.set_page_token("garbage");
  status = server.List(garbage, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(status), ElementsAre("page_token"));
}

TEST(IngestServiceTest, ImportsTheSeedTargetTableText) {
  IngestServer server;
  const jixiao::v1::ProjectTargetTable golden = testing::SeedTargetTable();
  jixiao::v1::ImportTargetTableRequest request;
  request.set_text(jixiao::testing::ReadSourceFile(testing::kSeedTargetTableText));
  *request.mutable_department() = golden.department();
  request.set_fiscal_year(golden.fiscal_year());

  jixiao::v1::ImportTargetTableResponse response;
  ASSERT_OK(server.Import(request, &response));
  EXPECT_EQ(response.table_id(), "440106:commerce-finance/2024/targets");
  EXPECT_THAT(response.errors(), IsEmpty());
  EXPECT_EQ(response.table().projects_size(), 24);
  EXPECT_TRUE(MessageDifferencer::Equals(response.table(), golden));
  EXPECT_THAT(server.log().LinesContaining(
                  {"event=target_table_stored", "table_id=440106:commerce-finance/2024/targets"}),
              SizeIs(1));

  // The same table again, structured this time: the same content, nothing new stored.
  jixiao::v1::ImportTargetTableRequest structured;
  *structured.mutable_table() = golden;
  jixiao::v1::ImportTargetTableResponse again;
  ASSERT_TRUE(server.Import(structured, &again).ok());
  EXPECT_EQ(again.table_id(), response.table_id());
  EXPECT_THAT(server.log().LinesContaining({"event=target_table_stored"}), SizeIs(1));
}

TEST(IngestServiceTest, ImportReturnsBadLinesAndImportsTheRest) {
  IngestServer server;
  const jixiao::v1::ProjectTargetTable golden = testing::SeedTargetTable();
  jixiao::v1::ImportTargetTableRequest request;
  request.set_text(absl::StrCat(jixiao::testing::ReadSourceFile(testing::kSeedTargetTableText),
                                "\n这一行没有金额\n"));
  *request.mutable_department() = golden.department();
  request.set_fiscal_year(golden.fiscal_year());
  jixiao::v1::ImportTargetTableResponse response;
  ASSERT_TRUE(server.Import(request, &response).ok());
  EXPECT_EQ(response.table().projects_size(), 24);
  ASSERT_THAT(response.errors(), SizeIs(1));
  EXPECT_EQ(response.errors(0).line(), 40);  // the seed's 39 lines, then this one
}

TEST(IngestServiceTest, ImportRefusesTextWithoutDepartmentNamingTheField) {
  IngestServer server;
  jixiao::v1::ImportTargetTableRequest request;
  request.set_text(jixiao::testing::ReadSourceFile(testing::kSeedTargetTableText));
  request.set_fiscal_year(2024);
  jixiao::v1::ImportTargetTableResponse response;
  const grpc::Status status = server.Import(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldsOf(status), ElementsAre("department"));
}

TEST(IngestServiceTest, PublishesBeforeTheResponseArrives) {
  IngestServer server;
  jixiao::v1::SubmitReportResponse response;
  ASSERT_TRUE(server.Submit(Seed(kCcpit), &response).ok());
  // Publish ran before the acknowledgement, so it is recorded by the time the call returns.
  ASSERT_THAT(server.publisher().publications(), SizeIs(1));
  const auto publication = server.publisher().publications()[0];
  EXPECT_EQ(publication.report_id, kCcpit);
  EXPECT_TRUE(MessageDifferencer::Equals(publication.ref, response.ref()));
  EXPECT_TRUE(publication.created);

  // Identical content is published too, with created = false.
  ASSERT_TRUE(server.Submit(Seed(kCcpit), &response).ok());
  ASSERT_THAT(server.publisher().publications(), SizeIs(2));
  EXPECT_FALSE(server.publisher().publications()[1].created);
}

TEST(IngestServiceTest, TheAcknowledgementWaitsForThePublisher) {
  IngestServer server;
  server.publisher().Hold();
  testing::PendingCall<jixiao::v1::SubmitReportRequest, jixiao::v1::SubmitReportResponse> call;
  *call.request.mutable_report() = Seed(kCcpit);
  call.Begin([&server](auto... args) { server.stub().async()->SubmitReport(args...); });
  ASSERT_TRUE(server.publisher().WaitForCount(1, kPatience));
  // Publish is running and held: the call cannot have been answered.
  EXPECT_FALSE(call.done());
  server.publisher().Release();
  std::optional<grpc::Status> status = call.Wait(kPatience);
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(status->ok()) << status->error_message();
  EXPECT_EQ(call.response.ref().version(), 1);
}

TEST(IngestServiceTest, StoreErrorsKeepTheirCode) {
  IngestServer server;
  server.store().FailCommitsWith(absl::UnavailableError("database is busy"));
  jixiao::v1::SubmitReportResponse response;
  const grpc::Status status = server.Submit(Seed(kCcpit), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(status.error_message(), "database is busy");
  EXPECT_THAT(server.publisher().publications(), IsEmpty());
}

TEST(IngestServiceTest, AFullPoolRefusesASubmissionBeforeStoringIt) {
  IngestServer server(/*workers=*/1, /*worker_queue=*/1);
  jixiao::testing::WorkerPoolFiller filler(server.workers());
  ASSERT_TRUE(filler.ok());
  jixiao::v1::SubmitReportResponse response;
  const grpc::Status status = server.Submit(Seed(kCcpit), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  filler.Release();
  EXPECT_THAT(server.ListAll({}), IsEmpty());
}

TEST(IngestServiceTest, APoolThatFillsDuringTheCommitStillGetsTheReportPublishedAndAnswered) {
  IngestServer server(/*workers=*/1, /*worker_queue=*/1);
  server.store().HoldCommits();
  testing::PendingCall<jixiao::v1::SubmitReportRequest, jixiao::v1::SubmitReportResponse> call;
  *call.request.mutable_report() = Seed(kCcpit);
  call.Begin([&server](auto... args) { server.stub().async()->SubmitReport(args...); });
  ASSERT_TRUE(server.store().WaitForHeldCommit(kPatience));

  // Admitted and committing; now the pool fills up before the commit ends.
  jixiao::testing::WorkerPoolFiller filler(server.workers());
  ASSERT_TRUE(filler.ok());
  server.store().ReleaseCommits();

  std::optional<grpc::Status> status = call.Wait(kPatience);
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(status->ok()) << status->error_message();
  EXPECT_TRUE(call.response.created());
  ASSERT_THAT(server.publisher().publications(), SizeIs(1));
  EXPECT_THAT(server.log().LinesContaining({"event=submit_report_overflow", "level=warn"}),
              SizeIs(1));
  filler.Release();
}

// main() destroys the service and the commit queue once ServerRunner::Run has
// returned, which relies on this: a call whose commit is still running holds
// the server's stop even past the drain deadline, so no commit outlives it.
TEST(IngestServiceTest, AStopWaitsForTheCommitInProgressEvenPastTheDrainDeadline) {
  IngestServer server(/*workers=*/2, /*worker_queue=*/16, /*drain=*/absl::Milliseconds(100));
  server.store().HoldCommits();
  testing::PendingCall<jixiao::v1::SubmitReportRequest, jixiao::v1::SubmitReportResponse> call;
  *call.request.mutable_report() = Seed(kCcpit);
  call.Begin([&server](auto... args) { server.stub().async()->SubmitReport(args...); });
  ASSERT_TRUE(server.store().WaitForHeldCommit(kPatience));

  std::thread stop([&server] {
    server.runner().RequestShutdown();
    server.runner().Wait();
  });
  // No ASSERT until the thread is joined: leaving with it running would abort.
  const bool shutting_down = server.log().WaitForLine({"event=shutting_down"}, kPatience);
  // Ten times the drain deadline: long enough for a stop that did not wait to show.
  const bool stopped_early =
      shutting_down && server.log().WaitForLine({"event=stopped"}, absl::Seconds(1));
  server.store().ReleaseCommits();
  stop.join();
  EXPECT_TRUE(shutting_down);
  EXPECT_FALSE(stopped_early);
  EXPECT_TRUE(server.log().WaitForLine({"event=stopped"}, kPatience));
  // The call was cancelled by the drain deadline, but the report went all the way.
  ASSERT_TRUE(call.Wait(kPatience).has_value());
  EXPECT_THAT(server.publisher().publications(), SizeIs(1));
}

// ---- SubmitReports: a stream of reports, each as SubmitReport would take it.

TEST(IngestServiceTest, SubmitReportsAnswersEveryReportInStreamOrder) {
  IngestServer server;
  const std::vector<EvaluationReport> seeds = testing::SeedReports();
  EvaluationReport bad = Seed(kCcpit);
  bad.set_kind(jixiao::v1::REPORT_KIND_UNSPECIFIED);
  bad.mutable_budget()->mutable_initial()->set_fen(-5);
  EvaluationReport revised = Seed(kCcpit);
  revised.set_overall_goal(revised.overall_goal() + "（修订）");
  const std::vector<jixiao::v1::SubmitReportRequest> requests = {
      RequestFor(seeds[0]),               // 0: stored
      RequestFor(bad),                    // 1: refused, two fields
      RequestFor(Seed(kCcpit)),           // 2: stored
      RequestFor(seeds[0]),               // 3: the same content as 0
      jixiao::v1::SubmitReportRequest(),  // 4: no report at all
      RequestFor(revised),                // 5: a new version of 2
  };

  jixiao::v1::SubmitReportsResponse response;
  ASSERT_OK(server.SubmitStream(requests, &response));
  ASSERT_THAT(response.results(), SizeIs(6));
  for (int i = 0; i < 6; ++i) EXPECT_EQ(response.results(i).index(), i);

  const auto& first = response.results(0);
  EXPECT_EQ(first.code(), 0);
  EXPECT_EQ(first.report_id(), seeds[0].report_id());
  EXPECT_EQ(first.ref().report_id(), seeds[0].report_id());
  EXPECT_EQ(first.ref().version(), 1);
  EXPECT_THAT(first.ref().content_hash(), MatchesRegex("[0-9a-f]{64}"));
  EXPECT_TRUE(first.created());

  const auto& refused = response.results(1);
  EXPECT_EQ(refused.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(refused.message(), HasSubstr("report refused: 2 violations"));
  EXPECT_THAT(ViolatedFields(refused), ElementsAre("report.kind", "report.budget.initial.fen"));
  EXPECT_EQ(refused.violations(0).description(), "is required");
  EXPECT_EQ(refused.report_id(), "");
  EXPECT_FALSE(refused.has_ref());

  EXPECT_EQ(response.results(2).code(), 0);
  EXPECT_EQ(response.results(2).ref().version(), 1);
  EXPECT_TRUE(response.results(2).created());

  const auto& again = response.results(3);
  EXPECT_EQ(again.code(), 0);
  EXPECT_FALSE(again.created());
  EXPECT_TRUE(MessageDifferencer::Equals(again.ref(), first.ref()));
  EXPECT_EQ(again.warnings_size(), first.warnings_size());

  EXPECT_EQ(response.results(4).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(response.results(4)), ElementsAre("report"));

  EXPECT_EQ(response.results(5).code(), 0);
  EXPECT_EQ(response.results(5).ref().report_id(), kCcpit);
  EXPECT_EQ(response.results(5).ref().version(), 2);
  EXPECT_TRUE(response.results(5).created());

  EXPECT_EQ(response.stored(), 4);
  EXPECT_EQ(response.created(), 3);
  EXPECT_EQ(response.refused(), 2);

  // The store holds the good ones and nothing of the refused ones.
  EXPECT_THAT(server.ListAll({}), ElementsAre(seeds[0].report_id(), kCcpit));
  jixiao::v1::GetReportResponse stored;
  ASSERT_TRUE(server.Get(kCcpit, 1, &stored).ok());
  EXPECT_TRUE(
      MessageDifferencer::Equals(stored.report(), normalization::NormalizeReport(Seed(kCcpit))));
  ASSERT_TRUE(server.Get(kCcpit, 0, &stored).ok());
  EXPECT_EQ(stored.ref().version(), 2);
  // Every stored result was published before the answer, the repeat included.
  EXPECT_THAT(server.publisher().publications(), SizeIs(4));

  // Each result is what SubmitReport answers for the same content.
  jixiao::v1::SubmitReportResponse unary;
  ASSERT_TRUE(server.Submit(seeds[0], &unary).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(unary.ref(), first.ref()));
  ASSERT_EQ(unary.warnings_size(), first.warnings_size());
  for (int i = 0; i < unary.warnings_size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(unary.warnings(i), first.warnings(i)));
  }
  grpc::Status unary_refusal = server.Submit(bad, &unary);
  EXPECT_EQ(unary_refusal.error_message(), refused.message());
}

TEST(IngestServiceTest, SubmitReportsOfAnEmptyStreamAnswersWithNoResults) {
  IngestServer server;
  jixiao::v1::SubmitReportsResponse response;
  ASSERT_TRUE(server.SubmitStream({}, &response).ok());
  EXPECT_THAT(response.results(), IsEmpty());
  EXPECT_EQ(response.stored() + response.created() + response.refused(), 0);
}

// More reports than a stream keeps in flight: with commits held, the reactor
// reads up to the bound and then stops reading, and once commits resume the
// rest flows through. 1000 generated reports, all valid and all different.
TEST(IngestServiceTest, SubmitReportsReadsNoFurtherThanItsBoundAndStoresEveryReport) {
  IngestServer server(/*workers=*/2, /*worker_queue=*/1024);
  gen::DatasetShape shape;
  shape.divisions = 25;
  shape.departments_per_division = 40;
  shape.years = 1;
  ASSERT_EQ(gen::ReportCount(shape), 1000);
  std::vector<jixiao::v1::SubmitReportRequest> requests;
  std::vector<std::string> report_ids;
  for (int64_t i = 0; i < gen::ReportCount(shape); ++i) {
    requests.push_back(RequestFor(gen::GenerateReport(shape, gen::AddressAt(shape, i))));
    report_ids.push_back(requests.back().report().report_id());
  }

  server.store().HoldCommits();
  jixiao::v1::SubmitReportsResponse response;
  std::future<grpc::Status> sent = std::async(std::launch::async, [&] {
    return server.SubmitStream(requests, &response, absl::Seconds(60));
  });
  // The stream stops reading with the bound in flight, while the first commit is held.
  const bool paused = server.log().WaitForLine(
      {"event=submit_reports_paused", absl::StrCat("in_flight=", kMaxReportsInFlightPerStream)},
      kPatience);
  server.store().ReleaseCommits();
  const grpc::Status status = sent.get();
  EXPECT_TRUE(paused);
  ASSERT_TRUE(status.ok()) << status.error_message();

  ASSERT_THAT(response.results(), SizeIs(1000));
  for (int i = 0; i < 1000; ++i) {
    const auto& result = response.results(i);
    ASSERT_EQ(result.index(), i);
    ASSERT_EQ(result.code(), 0) << i << ": " << result.message();
    ASSERT_EQ(result.ref().report_id(), report_ids[i]) << i;
    ASSERT_TRUE(result.created()) << i;
  }
  EXPECT_EQ(response.stored(), 1000);
  EXPECT_EQ(response.created(), 1000);
  EXPECT_EQ(response.refused(), 0);
  EXPECT_THAT(
      server.log().LinesContaining({"event=reports_submitted", "reports=1000", "stored=1000",
                                    absl::StrCat("peak_in_flight=", kMaxReportsInFlightPerStream)}),
      SizeIs(1));
  const std::vector<std::string> listed = server.ListAll({});
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()),
            std::set<std::string>(report_ids.begin(), report_ids.end()));
  EXPECT_THAT(server.publisher().publications(), SizeIs(1000));
}

TEST(IngestServiceTest, SubmitReportsGivesEachReportTheStoreErrorItGot) {
  IngestServer server;
  server.store().FailCommitsWith(absl::UnavailableError("database is busy"));
  jixiao::v1::SubmitReportsResponse response;
  ASSERT_TRUE(server.SubmitStream({RequestFor(Seed(kCcpit))}, &response).ok());
  ASSERT_THAT(response.results(), SizeIs(1));
  EXPECT_EQ(response.results(0).code(), static_cast<int>(grpc::StatusCode::UNAVAILABLE));
  EXPECT_EQ(response.results(0).message(), "database is busy");
  EXPECT_EQ(response.results(0).report_id(), kCcpit);
  EXPECT_EQ(response.refused(), 1);
  EXPECT_THAT(server.publisher().publications(), IsEmpty());
}

TEST(IngestServiceTest, SubmitReportsRefusesTheReportsThatFindThePoolFullButNotTheStream) {
  IngestServer server(/*workers=*/1, /*worker_queue=*/1);
  jixiao::testing::WorkerPoolFiller filler(server.workers());
  ASSERT_TRUE(filler.ok());
  jixiao::v1::SubmitReportsResponse response;
  ASSERT_OK(server.SubmitStream({RequestFor(Seed(kCcpit)), RequestFor(testing::SeedReports()[0])},
                                &response));
  ASSERT_THAT(response.results(), SizeIs(2));
  for (const auto& result : response.results()) {
    EXPECT_EQ(result.code(), static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  }
  EXPECT_EQ(response.refused(), 2);
  filler.Release();
  EXPECT_THAT(server.ListAll({}), IsEmpty());
}

TEST(IngestServiceTest, ACancelledStreamEndsOnceTheReportsItReadAreStoredAndPublished) {
  IngestServer server;
  server.store().HoldCommits();
  grpc::ClientContext context;
  jixiao::v1::SubmitReportsResponse response;
  std::unique_ptr<grpc::ClientWriter<jixiao::v1::SubmitReportRequest>> writer =
      server.stub().SubmitReports(&context, &response);
  EXPECT_TRUE(writer->Write(RequestFor(Seed(kCcpit))));
  const bool held = server.store().WaitForHeldCommit(kPatience);
  context.TryCancel();
  const grpc::Status status = writer->Finish();
  // The report read is still being committed, so the server's call is open.
  const std::vector<std::string> early = server.log().LinesContaining({"event=reports_submitted"});
  server.store().ReleaseCommits();
  ASSERT_TRUE(held);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_THAT(early, IsEmpty());

  EXPECT_TRUE(server.log().WaitForLine(
      {"event=reports_submitted", "reports=1", "stored=1", "cancelled=true"}, kPatience));
  // Stored and published all the same, as the contract says: a resend is harmless.
  EXPECT_THAT(server.publisher().publications(), SizeIs(1));
  EXPECT_THAT(server.ListAll({}), ElementsAre(kCcpit));
}

}  // namespace
}  // namespace jixiao::ingest
