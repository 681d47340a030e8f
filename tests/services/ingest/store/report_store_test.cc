// One suite of behaviour, run against both ReportStore backends: SQLite on a
// temporary file and a real PostgreSQL server started for this binary.

#include "services/ingest/store/report_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/services/ingest/store/store_backends.h"
#include "tests/support/status_macros.h"

namespace jixiao::ingest {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using testing::BackendKind;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::Rows;
using ::testing::SizeIs;
using testing::StoreBackend;

MATCHER_P(StatusIs, code, "") { return arg.code() == code; }

struct DepartmentSpec {
  std::string code;
  std::string name;
  std::string district_code;
  jixiao::v1::AdministrativeLevel level;
  std::vector<std::string> tags;
};

jixiao::v1::EvaluationReport MakeReport(const DepartmentSpec& spec, int year,
                                        const std::string& goal = "完成年度绩效目标") {
  jixiao::v1::EvaluationReport report;
  report.set_report_id(absl::StrCat(spec.code, "/", year, "/department"));
  report.set_kind(jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  report.set_fiscal_year(year);
  auto* department = report.mutable_department();
  department->set_code(spec.code);
  department->set_name(spec.name);
  department->mutable_district()->set_code(spec.district_code);
  department->mutable_district()->set_name(spec.district_code == "440100" ? "广州市" : "天河区");
  department->set_level(spec.level);
  for (const auto& tag : spec.tags) department->add_sector_tags(tag);
  report.set_overall_goal(goal);
  report.add_problems("部分指标设置不够细化");
  report.mutable_declared()->set_total(92.5);
  return report;
}

const DepartmentSpec kCityCommerce{"440100:commerce",
                                   "广州市商务局",
                                   "440100",
                                   jixiao::v1::ADMINISTRATIVE_LEVEL_CITY,
                                   {"commerce", "trade"}};
const DepartmentSpec kTianheCommerce{"440106:commerce-finance",
                                     "天河区商务和金融工作局",
                                     "440106",
                                     jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT,
                                     {"commerce", "finance"}};

ReportFilter Filter(
    int year, std::string district = "",
    jixiao::v1::AdministrativeLevel level = jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED,
    std::string tag = "") {
  ReportFilter filter;
  filter.fiscal_year = year;
  filter.district_code = std::move(district);
  filter.level = level;
  filter.sector_tag = std::move(tag);
  return filter;
}

ReportToStore Item(jixiao::v1::EvaluationReport report, std::string hash) {
  return ReportToStore{std::move(report), std::move(hash), {}};
}

class ReportStoreTest : public ::testing::TestWithParam<BackendKind> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    ASSERT_OK_AND_ASSIGN(url_, backend_->NewDatabase());
    Reopen();
  }

  void Reopen(const ReportStoreOptions& options = {}) {
    store_.reset();
    ASSERT_OK_AND_ASSIGN(store_, OpenReportStore(url_, options));
  }

  // Puts one report and expects the put to succeed.
  PutOutcome Put(const jixiao::v1::EvaluationReport& report, const std::string& hash) {
    auto outcomes = store_->PutReports({Item(report, hash)});
    EXPECT_TRUE(outcomes.ok()) << outcomes.status();
    if (!outcomes.ok()) return {};
    EXPECT_THAT(*outcomes, SizeIs(1));
    EXPECT_TRUE((*outcomes)[0].ok()) << (*outcomes)[0].status();
    return (*outcomes)[0].ok() ? *(*outcomes)[0] : PutOutcome{};
  }

  // Every report_id of a listing, following next_page_token to the end.
  std::vector<std::string> ListAll(const ReportFilter& filter, int page_size) {
    std::vector<std::string> ids;
    std::string token;
    for (int pages = 0; pages < 1000; ++pages) {
      auto page = store_->ListReports(filter, page_size, token);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      EXPECT_LE(static_cast<int>(page->reports.size()), page_size);
      for (const auto& summary : page->reports) ids.push_back(summary.ref().report_id());
      if (page->next_page_token.empty()) break;
      EXPECT_THAT(page->reports, SizeIs(page_size)) << "only the last page may be short";
      token = page->next_page_token;
    }
    return ids;
  }

  Rows SchemaMigrations() {
    auto rows =
        backend_->Query(url_, "SELECT version, applied_at FROM schema_migrations ORDER BY version");
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : Rows{};
  }

  std::unique_ptr<StoreBackend> backend_;
  std::string url_;
  std::unique_ptr<ReportStore> store_;
};

TEST_P(ReportStoreTest, PutThenGetLatestAndByVersion) {
  const auto report = MakeReport(kCityCommerce, 2023);
  const PutOutcome put = Put(report, "hash-1");
  EXPECT_TRUE(put.created);
  EXPECT_EQ(put.ref.report_id(), "440100:commerce/2023/department");
  EXPECT_EQ(put.ref.version(), 1);
  EXPECT_EQ(put.ref.content_hash(), "hash-1");
  EXPECT_GT(put.stored_at_unix_ms, 1'600'000'000'000);

  for (const int64_t version : {0, 1}) {
    ASSERT_OK_AND_ASSIGN(auto stored, store_->GetReport(put.ref.report_id(), version));
    EXPECT_TRUE(MessageDifferencer::Equals(stored.ref, put.ref)) << stored.ref.DebugString();
    EXPECT_TRUE(MessageDifferencer::Equals(stored.report, report));
    EXPECT_EQ(stored.stored_at_unix_ms, put.stored_at_unix_ms);
  }
}

TEST_P(ReportStoreTest, SameContentIsIdempotent) {
  const auto report = MakeReport(kCityCommerce, 2023);
  const PutOutcome first = Put(report, "hash-1");
  const PutOutcome again = Put(report, "hash-1");
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.ref.version(), 1);
  EXPECT_EQ(again.stored_at_unix_ms, first.stored_at_unix_ms);
  ASSERT_OK_AND_ASSIGN(auto history, store_->ReportHistory(report.report_id()));
  EXPECT_THAT(history, SizeIs(1));
}

TEST_P(ReportStoreTest, ChangedContentAppendsAVersionAndKeepsHistory) {
  const auto original = MakeReport(kCityCommerce, 2023, "原目标");
  const auto revised = MakeReport(kCityCommerce, 2023, "修订后的目标");
  Put(original, "hash-1");
  const PutOutcome second = Put(revised, "hash-2");
  EXPECT_TRUE(second.created);
  EXPECT_EQ(second.ref.version(), 2);

  ASSERT_OK_AND_ASSIGN(auto latest, store_->GetReport(original.report_id(), 0));
  EXPECT_EQ(latest.ref.version(), 2);
  EXPECT_EQ(latest.report.overall_goal(), "修订后的目标");
  ASSERT_OK_AND_ASSIGN(auto first, store_->GetReport(original.report_id(), 1));
  EXPECT_EQ(first.report.overall_goal(), "原目标");
  EXPECT_EQ(first.ref.content_hash(), "hash-1");

  // Going back to the first content is a change from the latest: version 3.
  EXPECT_EQ(Put(original, "hash-1").ref.version(), 3);
  ASSERT_OK_AND_ASSIGN(auto history, store_->ReportHistory(original.report_id()));
  std::vector<std::string> hashes;
  for (const auto& stored : history) {
    EXPECT_EQ(stored.ref.version(), static_cast<int64_t>(hashes.size()) + 1);
    hashes.push_back(stored.ref.content_hash());
  }
  EXPECT_THAT(hashes, ElementsAre("hash-1", "hash-2", "hash-1"));
}

// The audit of a version: who created it and from where, kept with it; an
// unchanged resubmission by someone else leaves it as it was.
TEST_P(ReportStoreTest, EachVersionRecordsItsSubmitter) {
  const auto original = MakeReport(kTianheCommerce, 2023, "原目标");
  const auto revised = MakeReport(kTianheCommerce, 2023, "修订后的目标");
  auto put = [&](const jixiao::v1::EvaluationReport& report, const std::string& hash,
                 Submitter submitter) {
    ASSERT_OK_AND_ASSIGN(auto outcomes,
                         store_->PutReports({ReportToStore{report, hash, std::move(submitter)}}));
    ASSERT_OK(outcomes.at(0).status());
  };
  put(original, "hash-1", {"tianhe-writer", "ipv4:10.0.3.7:51234"});
  put(original, "hash-1", {"city-service", "ipv4:10.0.9.9:40000"});  // unchanged: no version
  put(revised, "hash-2", {"city-service", "ipv6:[::1]:40001"});

  ASSERT_OK_AND_ASSIGN(auto versions, store_->ReportVersions(original.report_id()));
  ASSERT_THAT(versions, SizeIs(2));
  EXPECT_EQ(versions[0].ref.version(), 1);
  EXPECT_EQ(versions[0].ref.content_hash(), "hash-1");
  EXPECT_EQ(versions[0].submitter.identity, "tianhe-writer");
  EXPECT_EQ(versions[0].submitter.address, "ipv4:10.0.3.7:51234");
  EXPECT_EQ(versions[1].ref.version(), 2);
  EXPECT_EQ(versions[1].submitter.identity, "city-service");
  EXPECT_EQ(versions[1].submitter.address, "ipv6:[::1]:40001");
  EXPECT_LE(versions[0].stored_at_unix_ms, versions[1].stored_at_unix_ms);

  ASSERT_OK_AND_ASSIGN(auto first, store_->GetReport(original.report_id(), 1));
  EXPECT_EQ(first.submitter.identity, "tianhe-writer");
  ASSERT_OK_AND_ASSIGN(auto latest, store_->GetReport(original.report_id(), 0));
  EXPECT_EQ(latest.submitter.identity, "city-service");
  ASSERT_OK_AND_ASSIGN(auto history, store_->ReportHistory(original.report_id()));
  ASSERT_THAT(history, SizeIs(2));
  EXPECT_EQ(history[0].submitter.address, "ipv4:10.0.3.7:51234");
  EXPECT_THAT(store_->ReportVersions("440100:nobody/2023/department").status(),
              StatusIs(absl::StatusCode::kNotFound));

  jixiao::v1::ProjectTargetTable table;
  table.set_table_id("440106:commerce-finance/2024/targets");
  ASSERT_OK(store_->PutTargetTable(table, "t1", {"tianhe-writer", "ipv4:10.0.3.7:51235"}).status());
  ASSERT_OK_AND_ASSIGN(auto stored_table, store_->GetTargetTable(table.table_id(), 0));
  EXPECT_EQ(stored_table.submitter.identity, "tianhe-writer");
  EXPECT_EQ(stored_table.submitter.address, "ipv4:10.0.3.7:51235");
}

// Not even a direct connection to the database rewrites a stored version or
// its audit: the tables refuse UPDATE and DELETE.
TEST_P(ReportStoreTest, StoredVersionsAndTheirAuditCannotBeRewritten) {
  const auto report = MakeReport(kTianheCommerce, 2023);
  ASSERT_OK(
      store_->PutReports({ReportToStore{report, "hash-1", {"tianhe-writer", "ipv4:x"}}}).status());
  jixiao::v1::ProjectTargetTable table;
  table.set_table_id("440106:commerce-finance/2024/targets");
  ASSERT_OK(store_->PutTargetTable(table, "t1", {"tianhe-writer", "ipv4:x"}).status());
  for (const char* sql : {
           "UPDATE reports SET content_hash = 'forged'",
           "DELETE FROM reports",
           "UPDATE report_submissions SET submitted_by = 'someone-else'",
           "DELETE FROM report_submissions",
           "DELETE FROM report_sector_tags",
           "UPDATE target_tables SET content_hash = 'forged'",
           "DELETE FROM target_table_submissions",
       }) {
    const absl::Status status = backend_->Execute(url_, sql);
    EXPECT_FALSE(status.ok()) << sql;
    EXPECT_THAT(status.message(), HasSubstr("append-only")) << sql;
  }
  ASSERT_OK_AND_ASSIGN(auto versions, store_->ReportVersions(report.report_id()));
  ASSERT_THAT(versions, SizeIs(1));
  EXPECT_EQ(versions[0].ref.content_hash(), "hash-1");
  EXPECT_EQ(versions[0].submitter.identity, "tianhe-writer");
}

TEST_P(ReportStoreTest, BatchStoresMixedItemsInOneCall) {
  const auto city = MakeReport(kCityCommerce, 2023);
  const auto tianhe = MakeReport(kTianheCommerce, 2023);
  Put(city, "city-1");
  auto unnamed = MakeReport(kTianheCommerce, 2024);
  unnamed.clear_report_id();

  auto outcomes = store_->PutReports({
      Item(city, "city-1"),                                       // unchanged
      Item(tianhe, "tianhe-1"),                                   // new
      Item(tianhe, "tianhe-1"),                                   // same again, same batch
      Item(unnamed, "x"),                                         // invalid: no id
      Item(MakeReport(kTianheCommerce, 2023, "改"), "tianhe-2"),  // changed, same batch
      Item(MakeReport(kCityCommerce, 2024), ""),                  // invalid: no hash
  });
  ASSERT_TRUE(outcomes.ok()) << outcomes.status();
  ASSERT_THAT(*outcomes, SizeIs(6));
  ASSERT_TRUE((*outcomes)[0].ok());
  EXPECT_FALSE((*outcomes)[0]->created);
  EXPECT_EQ((*outcomes)[0]->ref.version(), 1);
  ASSERT_TRUE((*outcomes)[1].ok());
  EXPECT_TRUE((*outcomes)[1]->created);
  EXPECT_EQ((*outcomes)[1]->ref.version(), 1);
  ASSERT_TRUE((*outcomes)[2].ok());
  EXPECT_FALSE((*outcomes)[2]->created);
  EXPECT_EQ((*outcomes)[2]->ref.version(), 1);
  EXPECT_THAT((*outcomes)[3].status(), StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_TRUE((*outcomes)[4].ok());
  EXPECT_TRUE((*outcomes)[4]->created);
  EXPECT_EQ((*outcomes)[4]->ref.version(), 2);
  EXPECT_THAT((*outcomes)[5].status(), StatusIs(absl::StatusCode::kInvalidArgument));
  // One transaction: one commit time for everything it created.
  EXPECT_EQ((*outcomes)[1]->stored_at_unix_ms, (*outcomes)[4]->stored_at_unix_ms);

  ASSERT_OK_AND_ASSIGN(auto latest, store_->GetReport(tianhe.report_id(), 0));
  EXPECT_EQ(latest.ref.version(), 2);
  EXPECT_THAT(store_->GetReport("440100:commerce/2024/department", 0).status(),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(ReportStoreTest, FailedTransactionStoresNothing) {
  const auto doomed = MakeReport(kCityCommerce, 2022);
  ASSERT_TRUE(backend_->Execute(url_, backend_->FailingInsertTriggerSql(doomed.report_id())).ok());
  auto outcomes =
      store_->PutReports({Item(MakeReport(kTianheCommerce, 2023), "t"), Item(doomed, "d")});
  EXPECT_FALSE(outcomes.ok());
  EXPECT_THAT(outcomes.status().message(), HasSubstr("insert refused by test trigger"));
  EXPECT_THAT(store_->GetReport(MakeReport(kTianheCommerce, 2023).report_id(), 0).status(),
              StatusIs(absl::StatusCode::kNotFound));
  // The store is usable afterwards (the transaction was rolled back).
  EXPECT_TRUE(Put(MakeReport(kTianheCommerce, 2023), "t").created);
}

TEST_P(ReportStoreTest, ListFiltersLatestVersions) {
  const DepartmentSpec liwan{"440103:commerce-investment",
                             "荔湾区商务和投资促进局",
                             "440103",
                             jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT,
                             {"commerce", "investment"}};
  const DepartmentSpec ccpit{"440106:ccpit",
                             "中国国际贸易促进委员会广州市天河区委员会",
                             "440106",
                             jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT,
                             {"trade-promotion"}};
  for (const auto* spec : {&kCityCommerce, &kTianheCommerce, &liwan, &ccpit}) {
    for (const int year : {2022, 2023}) Put(MakeReport(*spec, year), "h");
  }
  // The CCPIT's 2023 report is revised: it drops its tag and moves to the city
  // level. Only the latest version counts for filters.
  DepartmentSpec moved = ccpit;
  moved.level = jixiao::v1::ADMINISTRATIVE_LEVEL_CITY;
  moved.tags = {"commerce"};
  Put(MakeReport(moved, 2023), "h2");

  auto ids = [&](const ReportFilter& filter) { return ListAll(filter, 50); };
  EXPECT_THAT(ids({}), SizeIs(8));
  EXPECT_THAT(
      ids(Filter(2022)),
      ElementsAre("440100:commerce/2022/department", "440103:commerce-investment/2022/department",
                  "440106:ccpit/2022/department", "440106:commerce-finance/2022/department"));
  EXPECT_THAT(ids(Filter(2023, "440106")), ElementsAre("440106:ccpit/2023/department",
                                                       "440106:commerce-finance/2023/department"));
  EXPECT_THAT(ids(Filter(0, "", jixiao::v1::ADMINISTRATIVE_LEVEL_CITY)),
              ElementsAre("440100:commerce/2022/department", "440100:commerce/2023/department",
                          "440106:ccpit/2023/department"));
  EXPECT_THAT(ids(Filter(0, "", {}, "trade-promotion")),
              ElementsAre("440106:ccpit/2022/department"));
  EXPECT_THAT(
      ids(Filter(2023, "", {}, "commerce")),
      ElementsAre("440100:commerce/2023/department", "440103:commerce-investment/2023/department",
                  "440106:ccpit/2023/department", "440106:commerce-finance/2023/department"));
  // Tags match exactly, not by prefix or substring.
  EXPECT_THAT(ids(Filter(0, "", {}, "commerc")), IsEmpty());
  EXPECT_THAT(ids(Filter(2030)), IsEmpty());

  ASSERT_OK_AND_ASSIGN(auto page, store_->ListReports(Filter(0, "440106", {}, "finance"), 10, ""));
  ASSERT_THAT(page.reports, SizeIs(2));
  const auto& summary = page.reports[0];
  EXPECT_EQ(summary.ref().report_id(), "440106:commerce-finance/2022/department");
  EXPECT_EQ(summary.ref().version(), 1);
  EXPECT_EQ(summary.ref().content_hash(), "h");
  EXPECT_EQ(summary.department().name(), "天河区商务和金融工作局");
  EXPECT_EQ(summary.fiscal_year(), 2022);
  EXPECT_EQ(summary.kind(), jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  EXPECT_TRUE(page.next_page_token.empty());
}

// A department's projects' self-evaluations and an external evaluation, with
// ids of more segments, beside its own report; and a township's.
jixiao::v1::EvaluationReport MakeProjectReport(const DepartmentSpec& spec, int year,
                                               jixiao::v1::ReportKind kind,
                                               const std::string& project_code) {
  jixiao::v1::EvaluationReport report = MakeReport(spec, year);
  report.set_kind(kind);
  report.set_project_code(project_code);
  report.set_report_id(
      absl::StrCat(spec.code, "/", year, "/",
                   kind == jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION ? "evaluation" : "project",
                   "/", project_code));
  return report;
}

TEST_P(ReportStoreTest, ReportsOfEveryKindStoreListAndPage) {
  const DepartmentSpec shahe{"440106001:shahe-office",
                             "沙河街道办事处",
                             "440106001",
                             jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP,
                             {"sub-district"}};
  constexpr auto kProject = jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
  constexpr auto kEvaluation = jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION;
  std::map<std::string, jixiao::v1::ReportKind> expected;
  auto put = [&](const jixiao::v1::EvaluationReport& report) {
    EXPECT_TRUE(Put(report, "h").created);
    expected[report.report_id()] = report.kind();
  };
  put(MakeReport(kTianheCommerce, 2023));
  // Many project reports of one department and year: one report each.
  for (const char* code : {"fair", "expo-2023", "44010623_001", "port"}) {
    put(MakeProjectReport(kTianheCommerce, 2023, kProject, code));
  }
  put(MakeProjectReport(kTianheCommerce, 2022, kProject, "fair"));
  put(MakeProjectReport(kTianheCommerce, 2023, kEvaluation, "fair"));
  put(MakeProjectReport(kCityCommerce, 2023, kProject, "fair"));
  put(MakeReport(shahe, 2023));
  put(MakeProjectReport(shahe, 2023, kProject, "street-lights"));

  // A project report is versioned on its own, and read back by its long id.
  auto revised = MakeProjectReport(kTianheCommerce, 2023, kProject, "fair");
  revised.set_overall_goal("修订");
  EXPECT_EQ(Put(revised, "h2").ref.version(), 2);
  ASSERT_OK_AND_ASSIGN(auto latest,
                       store_->GetReport("440106:commerce-finance/2023/project/fair", 0));
  EXPECT_EQ(latest.report.overall_goal(), "修订");
  ASSERT_OK_AND_ASSIGN(auto department,
                       store_->GetReport("440106:commerce-finance/2023/department", 0));
  EXPECT_EQ(department.ref.version(), 1);

  std::vector<std::string> ids;
  for (const auto& [id, kind] : expected) ids.push_back(id);
  for (const int page_size : {1, 2, 3, 50}) {
    SCOPED_TRACE(page_size);
    EXPECT_THAT(ListAll({}, page_size), ElementsAreArray(ids));
  }
  EXPECT_THAT(ListAll(Filter(2023, "440106"), 2),
              ElementsAre("440106:commerce-finance/2023/department",
                          "440106:commerce-finance/2023/evaluation/fair",
                          "440106:commerce-finance/2023/project/44010623_001",
                          "440106:commerce-finance/2023/project/expo-2023",
                          "440106:commerce-finance/2023/project/fair",
                          "440106:commerce-finance/2023/project/port"));
  EXPECT_THAT(ListAll(Filter(0, "440106001"), 1),
              ElementsAre("440106001:shahe-office/2023/department",
                          "440106001:shahe-office/2023/project/street-lights"));
  EXPECT_THAT(ListAll(Filter(0, "", jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP), 5), SizeIs(2));

  // Every summary says its kind.
  ASSERT_OK_AND_ASSIGN(auto page, store_->ListReports({}, 50, ""));
  ASSERT_THAT(page.reports, SizeIs(expected.size()));
  for (const auto& summary : page.reports) {
    EXPECT_EQ(summary.kind(), expected[summary.ref().report_id()]) << summary.ref().report_id();
  }
}

TEST_P(ReportStoreTest, PaginationVisitsEveryReportOnceInOrder) {
  std::vector<std::string> expected;
  std::vector<std::string> expected_2023;
  for (int i = 0; i < 23; ++i) {
    const DepartmentSpec spec{absl::StrCat("4401", i % 3, "0:dept-", i),
                              "部门",
                              "440106",
                              jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT,
                              {"commerce"}};
    const int year = 2022 + i % 2;
    const auto report = MakeReport(spec, year);
    Put(report, "h");
    expected.push_back(report.report_id());
    if (year == 2023) expected_2023.push_back(report.report_id());
  }
  std::sort(expected.begin(), expected.end());
  std::sort(expected_2023.begin(), expected_2023.end());
  for (const int page_size : {1, 5, 22, 23, 24}) {
    SCOPED_TRACE(page_size);
    EXPECT_THAT(ListAll({}, page_size), ElementsAreArray(expected));
    EXPECT_THAT(ListAll(Filter(2023), page_size), ElementsAreArray(expected_2023));
  }

  // A report stored mid-walk after the cursor shows up; nothing repeats.
  ASSERT_OK_AND_ASSIGN(auto first, store_->ListReports({}, 10, ""));
  Put(MakeReport({"440199:zzz", "末位", "440106", jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT, {}},
                 2023),
      "h");
  std::vector<std::string> walked;
  for (const auto& summary : first.reports) walked.push_back(summary.ref().report_id());
  std::string token = first.next_page_token;
  while (!token.empty()) {
    ASSERT_OK_AND_ASSIGN(auto page, store_->ListReports({}, 10, token));
    for (const auto& summary : page.reports) walked.push_back(summary.ref().report_id());
    token = page.next_page_token;
  }
  expected.push_back("440199:zzz/2023/department");
  EXPECT_THAT(walked, ElementsAreArray(expected));

  // Default and capped page sizes.
  ASSERT_OK_AND_ASSIGN(auto all, store_->ListReports({}, 0, ""));
  EXPECT_THAT(all.reports, SizeIs(24));
  EXPECT_TRUE(all.next_page_token.empty());
  EXPECT_TRUE(store_->ListReports({}, 100000, "").ok());
}

TEST_P(ReportStoreTest, BadListArgumentsAreRefused) {
  for (int i = 0; i < 3; ++i) {
    Put(MakeReport({absl::StrCat("440106:d", i),
                    "部门",
                    "440106",
                    jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT,
                    {}},
                   2023),
        "h");
  }
  ASSERT_OK_AND_ASSIGN(auto page, store_->ListReports(Filter(2023), 1, ""));
  ASSERT_FALSE(page.next_page_token.empty());
  EXPECT_THAT(store_->ListReports(Filter(2022), 1, page.next_page_token).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->ListReports({}, 1, "not a token!").status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->ListReports({}, 1, "cDE").status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->ListReports({}, -1, "").status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(ReportStoreTest, UnknownIdsAndVersionsAreNotFound) {
  const auto report = MakeReport(kCityCommerce, 2023);
  Put(report, "h");
  EXPECT_THAT(store_->GetReport("440100:nobody/2023/department", 0).status(),
              StatusIs(absl::StatusCode::kNotFound));
  auto missing_version = store_->GetReport(report.report_id(), 2);
  EXPECT_THAT(missing_version.status(), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(missing_version.status().message(), HasSubstr("has no version 2"));
  EXPECT_THAT(store_->ReportHistory("440100:nobody/2023/department").status(),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetTargetTable("440100:nobody/2023/targets", 0).status(),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetReport("", 0).status(), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->GetReport(report.report_id(), -1).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(ReportStoreTest, BadTextIsRefusedPerItem) {
  auto bad = MakeReport(kCityCommerce, 2023);
  bad.mutable_department()->add_sector_tags(std::string("bad\xff", 4));
  ASSERT_OK_AND_ASSIGN(
      auto outcomes,
      store_->PutReports({Item(bad, "h"), Item(MakeReport(kTianheCommerce, 2023), "h")}));
  EXPECT_THAT(outcomes[0].status(), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_TRUE(outcomes[1].ok());
}

TEST_P(ReportStoreTest, MigrationsAreAppliedOnce) {
  const Rows before = SchemaMigrations();
  ASSERT_THAT(before, SizeIs(backend_->KnownSchemaVersion()));
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i][0], absl::StrCat(i + 1));
  Reopen();
  auto second = OpenReportStore(url_);  // two stores on one database at once
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(SchemaMigrations(), before);
}

TEST_P(ReportStoreTest, MissingMigrationsAreApplied) {
  store_.reset();
  // Back to schema version 1: as if written by a build without target tables
  // or submitters. (The append-only triggers migration 3 put on reports stay;
  // it makes them again only if they are missing.)
  ASSERT_OK(backend_->Execute(url_,
                              "DROP TABLE target_table_submissions; DROP TABLE report_submissions; "
                              "DROP TABLE target_table_heads; DROP TABLE target_tables; "
                              "DELETE FROM schema_migrations WHERE version >= 2;"));
  Reopen();
  EXPECT_THAT(SchemaMigrations(), SizeIs(backend_->KnownSchemaVersion()));
  jixiao::v1::ProjectTargetTable table;
  table.set_table_id("440106:commerce-finance/2024/targets");
  auto put = store_->PutTargetTable(table, "h", {});
  EXPECT_TRUE(put.ok()) << put.status();
}

TEST_P(ReportStoreTest, NewerSchemaIsRefused) {
  Put(MakeReport(kCityCommerce, 2023), "h");
  store_.reset();
  ASSERT_TRUE(backend_
                  ->Execute(url_,
                            "INSERT INTO schema_migrations (version, description, applied_at) "
                            "VALUES (999, 'from the future', '2030-01-01T00:00:00Z')")
                  .ok());
  auto store = OpenReportStore(url_);
  EXPECT_THAT(store.status(), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(store.status().message(), HasSubstr("schema version 999, newer than this build"));
}

TEST_P(ReportStoreTest, ConcurrentPutsMakeConsecutiveVersions) {
  ReportStoreOptions options;
  options.postgres_pool_size = 8;
  Reopen(options);
  constexpr int kThreads = 8;
  constexpr int kPutsPerThread = 5;
  const auto base = MakeReport(kCityCommerce, 2023);

  // All threads start together, held at a gate (no sleeps).
  std::mutex mutex;
  std::condition_variable gate;
  bool open = false;
  std::vector<std::vector<PutOutcome>> outcomes(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      {
        std::unique_lock<std::mutex> lock(mutex);
        gate.wait(lock, [&] { return open; });
      }
      for (int i = 0; i < kPutsPerThread; ++i) {
        const std::string hash = absl::StrCat("t", t, "-", i);
        auto result = store_->PutReports({Item(MakeReport(kCityCommerce, 2023, hash), hash)});
        ASSERT_TRUE(result.ok()) << result.status();
        ASSERT_TRUE((*result)[0].ok()) << (*result)[0].status();
        outcomes[t].push_back(*(*result)[0]);
      }
    });
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
  }
  gate.notify_all();
  for (auto& thread : threads) thread.join();

  std::map<int64_t, std::string> hash_by_version;
  for (const auto& per_thread : outcomes) {
    int64_t previous = 0;
    for (const auto& outcome : per_thread) {
      EXPECT_TRUE(outcome.created);
      EXPECT_GT(outcome.ref.version(), previous) << "a thread's own puts are ordered";
      previous = outcome.ref.version();
      EXPECT_TRUE(hash_by_version.emplace(outcome.ref.version(), outcome.ref.content_hash()).second)
          << "version " << outcome.ref.version() << " handed out twice";
    }
  }
  ASSERT_THAT(hash_by_version, SizeIs(kThreads * kPutsPerThread));
  EXPECT_EQ(hash_by_version.begin()->first, 1);
  EXPECT_EQ(hash_by_version.rbegin()->first, kThreads * kPutsPerThread);

  ASSERT_OK_AND_ASSIGN(auto history, store_->ReportHistory(base.report_id()));
  ASSERT_THAT(history, SizeIs(kThreads * kPutsPerThread));
  for (size_t i = 0; i < history.size(); ++i) {
    const auto& stored = history[i];
    EXPECT_EQ(stored.ref.version(), static_cast<int64_t>(i) + 1);
    EXPECT_EQ(stored.ref.content_hash(), hash_by_version[stored.ref.version()]);
    EXPECT_EQ(stored.report.overall_goal(), stored.ref.content_hash());
  }
}

TEST_P(ReportStoreTest, ConcurrentPutsOfTheSameContentCreateOneVersion) {
  ReportStoreOptions options;
  options.postgres_pool_size = 8;
  Reopen(options);
  constexpr int kThreads = 8;
  const auto report = MakeReport(kTianheCommerce, 2024);
  std::mutex mutex;
  std::condition_variable gate;
  bool open = false;
  std::vector<PutOutcome> outcomes(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      {
        std::unique_lock<std::mutex> lock(mutex);
        gate.wait(lock, [&] { return open; });
      }
      auto result = store_->PutReports({Item(report, "same")});
      ASSERT_TRUE(result.ok()) << result.status();
      ASSERT_TRUE((*result)[0].ok()) << (*result)[0].status();
      outcomes[t] = *(*result)[0];
    });
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
  }
  gate.notify_all();
  for (auto& thread : threads) thread.join();
  int created = 0;
  for (const auto& outcome : outcomes) {
    EXPECT_EQ(outcome.ref.version(), 1);
    created += outcome.created ? 1 : 0;
  }
  EXPECT_EQ(created, 1);
}

TEST_P(ReportStoreTest, DataSurvivesReopening) {
  const auto report = MakeReport(kCityCommerce, 2023);
  const PutOutcome put = Put(report, "hash-1");
  jixiao::v1::ProjectTargetTable table;
  table.set_table_id("440100:commerce/2024/targets");
  table.set_fiscal_year(2024);
  ASSERT_TRUE(store_->PutTargetTable(table, "t1", {}).ok());
  Reopen();
  ASSERT_OK_AND_ASSIGN(auto stored, store_->GetReport(report.report_id(), 0));
  EXPECT_EQ(stored.ref.version(), 1);
  EXPECT_EQ(stored.stored_at_unix_ms, put.stored_at_unix_ms);
  EXPECT_TRUE(MessageDifferencer::Equals(stored.report, report));
  EXPECT_TRUE(store_->GetTargetTable(table.table_id(), 1).ok());
  // And the reopened store keeps versioning where it left off.
  EXPECT_FALSE(Put(report, "hash-1").created);
  EXPECT_EQ(Put(MakeReport(kCityCommerce, 2023, "改"), "hash-2").ref.version(), 2);
}

TEST_P(ReportStoreTest, TargetTablesAreVersionedLikeReports) {
  jixiao::v1::ProjectTargetTable table;
  table.set_table_id("440106:commerce-finance/2024/targets");
  table.mutable_department()->set_code("440106:commerce-finance");
  table.set_fiscal_year(2024);
  table.mutable_total()->set_fen(28825370000);
  auto* project = table.add_projects();
  project->set_name("促进商贸业发展专项");
  project->set_goal("支持企业开拓市场");

  ASSERT_OK_AND_ASSIGN(auto first, store_->PutTargetTable(table, "t1", {}));
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.ref.version, 1);
  EXPECT_EQ(first.ref.table_id, table.table_id());

  ASSERT_OK_AND_ASSIGN(auto again, store_->PutTargetTable(table, "t1", {}));
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.ref.version, 1);
  EXPECT_EQ(again.stored_at_unix_ms, first.stored_at_unix_ms);

  auto revised_table = table;
  revised_table.mutable_projects(0)->set_goal("支持企业开拓国际市场");
  ASSERT_OK_AND_ASSIGN(auto revised, store_->PutTargetTable(revised_table, "t2", {}));
  EXPECT_TRUE(revised.created);
  EXPECT_EQ(revised.ref.version, 2);

  ASSERT_OK_AND_ASSIGN(auto latest, store_->GetTargetTable(table.table_id(), 0));
  EXPECT_EQ(latest.ref.version, 2);
  EXPECT_EQ(latest.ref.content_hash, "t2");
  EXPECT_TRUE(MessageDifferencer::Equals(latest.table, revised_table));
  ASSERT_OK_AND_ASSIGN(auto original, store_->GetTargetTable(table.table_id(), 1));
  EXPECT_TRUE(MessageDifferencer::Equals(original.table, table));
  EXPECT_THAT(store_->GetTargetTable(table.table_id(), 3).status(),
              StatusIs(absl::StatusCode::kNotFound));

  jixiao::v1::ProjectTargetTable unnamed;
  EXPECT_THAT(store_->PutTargetTable(unnamed, "t", {}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportStoreTest,
                         ::testing::Values(BackendKind{"Sqlite", &testing::MakeSqliteBackend},
                                           BackendKind{"Postgres", &testing::MakePostgresBackend}),
                         [](const ::testing::TestParamInfo<BackendKind>& backend) {
                           return std::string(backend.param.name);
                         });

}  // namespace
}  // namespace jixiao::ingest
