// The query service end to end, in one process: a real redis-server, a fake
// scoring service and the real ingest service (whose store counts its calls),
// and QueryServiceImpl on a loopback port, called through its generated stub.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "tests/services/query/query_service_harness.h"
#include "tests/support/status_macros.h"

namespace jixiao::query::testing {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr int kYear = 2023;

// Four district departments of 2023 and a city one.
const CardSpec kTianheCommerce{"440106:commerce", "天河区商务局", "440106"};
const CardSpec kTianheTrade{"440106:trade", "天河区贸促会", "440106"};
const CardSpec kHaizhuCommerce{"440105:commerce", "海珠区商务局", "440105"};
const CardSpec kYuexiuCommerce{"440104:commerce", "越秀区商务局", "440104"};

CardSpec With(CardSpec spec, double total, int64_t version = 1, int year = kYear,
              bool complete = true) {
  spec.total = total;
  spec.version = version;
  spec.fiscal_year = year;
  spec.complete = complete;
  return spec;
}

template <typename Entries>
std::vector<std::string> Codes(const Entries& entries) {
  std::vector<std::string> codes;
  for (const auto& entry : entries) codes.push_back(entry.department_code());
  return codes;
}

template <typename Entries>
std::vector<int> Ranks(const Entries& entries) {
  std::vector<int> ranks;
  for (const auto& entry : entries) ranks.push_back(entry.rank());
  return ranks;
}

std::vector<std::string> RowCodes(const jixiao::v1::CompareResponse& response) {
  std::vector<std::string> codes;
  for (const auto& row : response.rows()) codes.push_back(row.department().code());
  return codes;
}

class QueryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    harness_ = std::make_unique<QueryServiceHarness>();
    ASSERT_TRUE(harness_->status().ok()) << harness_->status();
  }
  void TearDown() override { harness_.reset(); }

  QueryServiceHarness& h() { return *harness_; }

  // Publishes the card's version in the catalog and caches and ranks the card,
  // as ingest and scoring would have.
  void PublishAndCache(const jixiao::v1::ScoreCard& card,
                       absl::Duration age = absl::ZeroDuration()) {
    ASSERT_OK(h().Publish(card));
    ASSERT_OK(h().CacheAndRank(card, age));
  }

  grpc::Status GetScoreCard(const std::string& report_id,
                            jixiao::v1::GetScoreCardResponse* response,
                            const std::string& scheme_id = "") {
    jixiao::v1::GetScoreCardRequest request;
    request.set_report_id(report_id);
    if (!scheme_id.empty()) request.mutable_scheme()->set_id(scheme_id);
    return h().query().GetScoreCard(QueryServiceHarness::Context().get(), request, response);
  }

  grpc::Status Compare(const jixiao::v1::CompareRequest& request,
                       jixiao::v1::CompareResponse* response) {
    return h().query().Compare(QueryServiceHarness::Context().get(), request, response);
  }

  grpc::Status Ranking(const jixiao::v1::RankingRequest& request,
                       jixiao::v1::RankingResponse* response) {
    return h().query().Ranking(QueryServiceHarness::Context().get(), request, response);
  }

  grpc::Status Trend(const jixiao::v1::TrendRequest& request, jixiao::v1::TrendResponse* response) {
    return h().query().Trend(QueryServiceHarness::Context().get(), request, response);
  }

  static jixiao::v1::CompareRequest CompareOf(int year) {
    jixiao::v1::CompareRequest request;
    request.set_fiscal_year(year);
    return request;
  }

  static jixiao::v1::RankingRequest RankingOf(int year) {
    jixiao::v1::RankingRequest request;
    request.set_fiscal_year(year);
    return request;
  }

 private:
  std::unique_ptr<QueryServiceHarness> harness_;
};

// ---- GetScoreCard

TEST_F(QueryServiceTest, CachedCardIsServedFromRedisWithoutScoring) {
  const jixiao::v1::ScoreCard card = MakeCard(kTianheCommerce);
  PublishAndCache(card, absl::Seconds(5));

  jixiao::v1::GetScoreCardResponse response;
  ASSERT_OK(GetScoreCard(card.report().report_id(), &response));
  EXPECT_TRUE(MessageDifferencer::Equals(response.scorecard(), card));
  const jixiao::v1::Freshness& freshness = response.freshness();
  EXPECT_TRUE(freshness.from_cache());
  EXPECT_GE(freshness.age_ms(), 5000);
  EXPECT_FALSE(freshness.degraded());
  ASSERT_EQ(freshness.reports_size(), 1);
  EXPECT_EQ(freshness.reports(0).version(), 1);
  EXPECT_EQ(freshness.reports(0).content_hash(), card.report().content_hash());
  EXPECT_EQ(freshness.scheme().id(), kSchemeId);
  EXPECT_EQ(freshness.scheme().version(), 1);
  EXPECT_EQ(freshness.scheme().content_hash(), "scheme-hash-1");
  EXPECT_EQ(h().scoring().score_calls(), 0);
}

TEST_F(QueryServiceTest, MissGoesToScoringForTheCatalogVersionThenIsCached) {
  const jixiao::v1::ScoreCard card = MakeCard(With(kTianheCommerce, 77, /*version=*/3));
  ASSERT_TRUE(h().Publish(card).ok());

  jixiao::v1::GetScoreCardResponse first;
  ASSERT_TRUE(GetScoreCard(card.report().report_id(), &first).ok());
  EXPECT_EQ(first.scorecard().report().version(), 3);
  EXPECT_DOUBLE_EQ(first.scorecard().total(), 77);
  EXPECT_FALSE(first.freshness().from_cache());
  EXPECT_FALSE(first.freshness().degraded());
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440106:commerce/2023/department@3"));

  // Scoring cached what it computed.
  jixiao::v1::GetScoreCardResponse second;
  ASSERT_TRUE(GetScoreCard(card.report().report_id(), &second).ok());
  EXPECT_TRUE(second.freshness().from_cache());
  EXPECT_EQ(h().scoring().score_calls(), 1);
}

TEST_F(QueryServiceTest, NewCatalogVersionIsScoredNeverTheOldCard) {
  const jixiao::v1::ScoreCard old_card = MakeCard(With(kTianheCommerce, 90, /*version=*/1));
  PublishAndCache(old_card);
  jixiao::v1::GetScoreCardResponse before;
  ASSERT_TRUE(GetScoreCard(old_card.report().report_id(), &before).ok());
  ASSERT_TRUE(before.freshness().from_cache());

  const jixiao::v1::ScoreCard new_card = MakeCard(With(kTianheCommerce, 70, /*version=*/2));
  ASSERT_TRUE(h().Publish(new_card).ok());
  jixiao::v1::GetScoreCardResponse after;
  ASSERT_TRUE(GetScoreCard(new_card.report().report_id(), &after).ok());
  EXPECT_EQ(after.scorecard().report().version(), 2);
  EXPECT_DOUBLE_EQ(after.scorecard().total(), 70);
  EXPECT_FALSE(after.freshness().from_cache());
  EXPECT_EQ(after.freshness().reports(0).version(), 2);
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440106:commerce/2023/department@2"));
}

TEST_F(QueryServiceTest, CatalogNotReadyLetsScoringResolveTheLatestVersion) {
  const jixiao::v1::ScoreCard card = MakeCard(kTianheCommerce);
  ASSERT_TRUE(h().Publish(card, /*mark_ready=*/false).ok());
  ASSERT_TRUE(h().CacheAndRank(card).ok());

  jixiao::v1::GetScoreCardResponse response;
  ASSERT_TRUE(GetScoreCard(card.report().report_id(), &response).ok());
  EXPECT_EQ(response.scorecard().report().version(), 1);
  EXPECT_FALSE(response.freshness().from_cache());
  // Not ready is no failure of Redis: the answer is not degraded.
  EXPECT_FALSE(response.freshness().degraded());
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440106:commerce/2023/department@0"));
}

TEST_F(QueryServiceTest, GetScoreCardRefusesBadRequests) {
  jixiao::v1::GetScoreCardResponse response;
  grpc::Status status = GetScoreCard("", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("report_id"));

  status = GetScoreCard("440106:commerce/2023/department", &response, "shenzhen-department");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("shenzhen-department"));

  status = GetScoreCard("440199:nobody/2023/department", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

// ---- Ranking

TEST_F(QueryServiceTest, RankingIsServedFromRedisWhenEveryMemberIsRanked) {
  PublishAndCache(MakeCard(With(kTianheCommerce, 90)));
  PublishAndCache(MakeCard(With(kTianheTrade, 80)));
  PublishAndCache(MakeCard(With(kHaizhuCommerce, 80)));
  PublishAndCache(MakeCard(With(kYuexiuCommerce, 70)));
  const int64_t mgets = h().RedisCommandCalls("mget");

  jixiao::v1::RankingRequest request = RankingOf(kYear);
  request.set_top_n(3);
  request.set_around_department_code("440104:commerce");
  request.set_around_k(1);
  jixiao::v1::RankingResponse response;
  ASSERT_OK(Ranking(request, &response));

  // Ties by report_id descending: 440106:trade before 440105:commerce.
  EXPECT_THAT(Codes(response.top()),
              ElementsAre("440106:commerce", "440106:trade", "440105:commerce"));
  EXPECT_THAT(Ranks(response.top()), ElementsAre(1, 2, 2));
  EXPECT_EQ(response.top(0).department_name(), "天河区商务局");
  EXPECT_DOUBLE_EQ(response.top(0).total(), 90);
  EXPECT_THAT(Codes(response.around()), ElementsAre("440105:commerce", "440104:commerce"));
  EXPECT_THAT(Ranks(response.around()), ElementsAre(2, 4));
  EXPECT_EQ(response.cohort_size(), 4);
  EXPECT_EQ(response.ranked(), 4);
  EXPECT_EQ(response.unranked(), 0);
  EXPECT_TRUE(response.freshness().from_cache());
  EXPECT_FALSE(response.freshness().degraded());
  EXPECT_EQ(response.freshness().reports_size(), 4);
  // From the sorted sets: no scorecard was read or computed.
  EXPECT_EQ(h().RedisCommandCalls("mget"), mgets);
  EXPECT_EQ(h().scoring().score_calls(), 0);
  EXPECT_EQ(h().ingest().list_calls(), 0);
}

TEST_F(QueryServiceTest, RankingIsComputedWhenCoverageIsIncompleteThenServedFromRedis) {
  PublishAndCache(MakeCard(With(kTianheCommerce, 90)));
  PublishAndCache(MakeCard(With(kHaizhuCommerce, 80)));
  ASSERT_TRUE(h().Publish(MakeCard(With(kYuexiuCommerce, 85))).ok());  // not scored yet
  const int64_t mgets = h().RedisCommandCalls("mget");

  jixiao::v1::RankingResponse computed;
  ASSERT_TRUE(Ranking(RankingOf(kYear), &computed).ok());
  EXPECT_THAT(Codes(computed.top()),
              ElementsAre("440106:commerce", "440104:commerce", "440105:commerce"));
  EXPECT_THAT(Ranks(computed.top()), ElementsAre(1, 2, 3));
  EXPECT_EQ(computed.cohort_size(), 3);
  EXPECT_FALSE(computed.freshness().from_cache());
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440104:commerce/2023/department@1"));
  EXPECT_GT(h().RedisCommandCalls("mget"), mgets);

  // Scoring ranked the card it computed: the ranking is complete now.
  const int64_t mgets_after_compute = h().RedisCommandCalls("mget");
  jixiao::v1::RankingResponse cached;
  ASSERT_TRUE(Ranking(RankingOf(kYear), &cached).ok());
  EXPECT_THAT(Codes(cached.top()),
              ElementsAre("440106:commerce", "440104:commerce", "440105:commerce"));
  EXPECT_THAT(Ranks(cached.top()), ElementsAre(1, 2, 3));
  EXPECT_TRUE(cached.freshness().from_cache());
  EXPECT_EQ(h().RedisCommandCalls("mget"), mgets_after_compute);
  EXPECT_EQ(h().scoring().score_calls(), 1);
}

TEST_F(QueryServiceTest, RankingOfCombinedCohortIsComputedInMemory) {
  PublishAndCache(MakeCard(With(kTianheCommerce, 90)));
  CardSpec city = With(kYuexiuCommerce, 95);
  city.department_code = "440100:commerce";
  city.district_code = "440100";
  city.level = jixiao::v1::ADMINISTRATIVE_LEVEL_CITY;
  PublishAndCache(MakeCard(city));
  CardSpec trade = With(kTianheTrade, 85);
  trade.sector_tags = {"trade-promotion"};
  PublishAndCache(MakeCard(trade));

  jixiao::v1::RankingRequest request = RankingOf(kYear);
  request.mutable_cohort()->set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  request.mutable_cohort()->add_sector_tags("commerce");
  jixiao::v1::RankingResponse response;
  ASSERT_TRUE(Ranking(request, &response).ok());
  EXPECT_THAT(Codes(response.top()), ElementsAre("440106:commerce"));
  EXPECT_EQ(response.cohort_size(), 1);
  // Computed from the cached cards.
  EXPECT_TRUE(response.freshness().from_cache());
  EXPECT_EQ(h().scoring().score_calls(), 0);
}

TEST_F(QueryServiceTest, RankingRefusesBadLimits) {
  jixiao::v1::RankingRequest request = RankingOf(kYear);
  request.set_top_n(1001);
  jixiao::v1::RankingResponse response;
  grpc::Status status = Ranking(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("top_n"));
  status = Ranking(RankingOf(0), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("fiscal_year"));
}

// ---- Compare

TEST_F(QueryServiceTest, CompareRowsAreFilteredByDistrictAndRanked) {
  PublishAndCache(MakeCard(With(kTianheCommerce, 90)));
  PublishAndCache(MakeCard(With(kTianheTrade, 80, 1, kYear, /*complete=*/false)));
  PublishAndCache(MakeCard(With(kHaizhuCommerce, 85)));
  PublishAndCache(MakeCard(With(kYuexiuCommerce, 95)));

  jixiao::v1::CompareRequest request = CompareOf(kYear);
  request.add_district_codes("440106");
  request.add_district_codes("440105");
  jixiao::v1::CompareResponse response;
  ASSERT_OK(Compare(request, &response));
  EXPECT_THAT(RowCodes(response),
              ElementsAre("440106:commerce", "440105:commerce", "440106:trade"));
  ASSERT_EQ(response.rows_size(), 3);
  const jixiao::v1::ComparisonRow& top = response.rows(0);
  EXPECT_EQ(top.rank(), 1);
  EXPECT_EQ(response.rows(1).rank(), 2);
  EXPECT_EQ(response.rows(2).rank(), 0);  // incomplete
  EXPECT_FALSE(response.rows(2).complete());
  EXPECT_DOUBLE_EQ(top.total(), 90);
  EXPECT_DOUBLE_EQ(top.declared_total(), 95);
  EXPECT_DOUBLE_EQ(top.group_points().at("output"), 36);
  EXPECT_DOUBLE_EQ(top.budget_execution_percent(), 90);
  EXPECT_DOUBLE_EQ(top.budget_adjustment_percent(), 20);
  EXPECT_EQ(top.report_version(), 1);
  EXPECT_EQ(response.scheme().version(), 1);
  EXPECT_TRUE(response.freshness().from_cache());
  EXPECT_EQ(response.freshness().reports_size(), 3);
  EXPECT_EQ(h().scoring().score_calls(), 0);
  EXPECT_EQ(h().ingest().list_calls(), 0);
}

TEST_F(QueryServiceTest, CompareFetchesMissesFromScoring) {
  PublishAndCache(MakeCard(With(kTianheCommerce, 90)));
  ASSERT_TRUE(h().Publish(MakeCard(With(kHaizhuCommerce, 85, /*version=*/2))).ok());

  jixiao::v1::CompareResponse response;
  ASSERT_TRUE(Compare(CompareOf(kYear), &response).ok());
  EXPECT_THAT(RowCodes(response), ElementsAre("440106:commerce", "440105:commerce"));
  EXPECT_FALSE(response.freshness().from_cache());
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440105:commerce/2023/department@2"));
}

TEST_F(QueryServiceTest, CompareReadsTheRowsItDerivedForTheSameVersionsOnly) {
  const jixiao::v1::ScoreCard tianhe = MakeCard(With(kTianheCommerce, 90));
  const jixiao::v1::ScoreCard haizhu = MakeCard(With(kHaizhuCommerce, 85));
  PublishAndCache(tianhe);
  PublishAndCache(haizhu);
  jixiao::v1::CompareResponse first;
  ASSERT_TRUE(Compare(CompareOf(kYear), &first).ok());

  // Once derived, the rows answer without the cards.
  ASSERT_TRUE(h().EvictCard(tianhe).ok());
  ASSERT_TRUE(h().EvictCard(haizhu).ok());
  jixiao::v1::CompareResponse second;
  ASSERT_TRUE(Compare(CompareOf(kYear), &second).ok());
  ASSERT_EQ(second.rows_size(), first.rows_size());
  for (int i = 0; i < first.rows_size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(second.rows(i), first.rows(i))) << i;
  }
  // The same refs as the cards gave, content hashes included.
  EXPECT_TRUE(
      MessageDifferencer::Equals(second.freshness().reports(0), first.freshness().reports(0)));
  EXPECT_TRUE(second.freshness().from_cache());
  EXPECT_EQ(h().scoring().score_calls(), 0);

  // A new version has no row yet: its card is scored, never the old row served.
  ASSERT_TRUE(h().Publish(MakeCard(With(kHaizhuCommerce, 70, /*version=*/2))).ok());
  jixiao::v1::CompareResponse third;
  ASSERT_TRUE(Compare(CompareOf(kYear), &third).ok());
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440105:commerce/2023/department@2"));
  ASSERT_EQ(third.rows_size(), 2);
  EXPECT_EQ(third.rows(1).report_version(), 2);
  EXPECT_DOUBLE_EQ(third.rows(1).total(), 70);
}

TEST_F(QueryServiceTest, CompareAsksIngestWhenTheCatalogIsNotReady) {
  // Stored, but Redis knows nothing (as after a restart, before ingest republished).
  h().Store(MakeCard(With(kTianheCommerce, 90)));
  h().Store(MakeCard(With(kTianheTrade, 80)));
  h().Store(MakeCard(With(kHaizhuCommerce, 85, /*version=*/4)));
  h().Store(MakeCard(With(kYuexiuCommerce, 60, 1, /*year=*/2022)));

  jixiao::v1::CompareResponse response;
  ASSERT_OK(Compare(CompareOf(kYear), &response));
  EXPECT_THAT(RowCodes(response),
              ElementsAre("440106:commerce", "440105:commerce", "440106:trade"));
  EXPECT_EQ(response.rows(1).report_version(), 4);
  EXPECT_FALSE(response.freshness().degraded());
  // Three reports of 2023 in pages of two; each scored at the version ingest listed.
  EXPECT_EQ(h().ingest().list_calls(), 2);
  EXPECT_THAT(h().scoring().score_requests(),
              ::testing::UnorderedElementsAre("440106:commerce/2023/department@1",
                                              "440106:trade/2023/department@1",
                                              "440105:commerce/2023/department@4"));
}

// ---- Reports of several kinds in one year

// Two departments' self-evaluations and three of their projects' self-evaluations.
class ReportKindsTest : public QueryServiceTest {
 protected:
  static CardSpec Project(CardSpec spec, const std::string& code, double total) {
    spec.kind = jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
    spec.project_code = code;
    spec.total = total;
    return spec;
  }

  static std::vector<jixiao::v1::ScoreCard> Cards() {
    return {MakeCard(With(kTianheCommerce, 90)), MakeCard(With(kHaizhuCommerce, 80)),
            MakeCard(Project(kTianheCommerce, "fair", 70)),
            MakeCard(Project(kTianheCommerce, "expo", 95)),
            MakeCard(Project(kHaizhuCommerce, "fair", 60))};
  }

  static jixiao::v1::RankingRequest ProjectRanking() {
    jixiao::v1::RankingRequest request = RankingOf(kYear);
    request.mutable_scheme()->set_id(kProjectSchemeId);
    request.set_top_n(10);
    return request;
  }
};

template <typename Entries>
std::vector<std::string> ReportIds(const Entries& entries) {
  std::vector<std::string> ids;
  for (const auto& entry : entries) ids.push_back(entry.report_id());
  return ids;
}

TEST_F(ReportKindsTest, ADepartmentRankingIsServedFromRedisBesideProjectReports) {
  for (const jixiao::v1::ScoreCard& card : Cards()) PublishAndCache(card);
  jixiao::v1::RankingRequest request = RankingOf(kYear);
  request.set_top_n(10);
  jixiao::v1::RankingResponse response;
  ASSERT_OK(Ranking(request, &response));
  // The projects of the year do not count against the department ranking's coverage.
  EXPECT_TRUE(response.freshness().from_cache());
  EXPECT_EQ(response.cohort_size(), 2);
  EXPECT_THAT(ReportIds(response.top()),
              ElementsAre("440106:commerce/2023/department", "440105:commerce/2023/department"));
  EXPECT_EQ(h().scoring().score_calls(), 0);
}

TEST_F(ReportKindsTest, AProjectRankingRanksEveryProjectReportOfTheYear) {
  for (const jixiao::v1::ScoreCard& card : Cards()) PublishAndCache(card);
  jixiao::v1::RankingResponse cached;
  ASSERT_OK(Ranking(ProjectRanking(), &cached));
  EXPECT_TRUE(cached.freshness().from_cache());
  EXPECT_EQ(cached.cohort_size(), 3);
  // Rows name the project: a department has one row per project.
  EXPECT_THAT(ReportIds(cached.top()),
              ElementsAre("440106:commerce/2023/project/expo", "440106:commerce/2023/project/fair",
                          "440105:commerce/2023/project/fair"));
  EXPECT_THAT(Codes(cached.top()),
              ElementsAre("440106:commerce", "440106:commerce", "440105:commerce"));

  // "Around" a department centres on its best project; computed from the rows.
  jixiao::v1::RankingRequest around = ProjectRanking();
  around.set_around_department_code("440105:commerce");
  around.set_around_k(1);
  jixiao::v1::RankingResponse computed;
  ASSERT_OK(Ranking(around, &computed));
  EXPECT_THAT(ReportIds(computed.top()),
              ElementsAre("440106:commerce/2023/project/expo", "440106:commerce/2023/project/fair",
                          "440105:commerce/2023/project/fair"));
  EXPECT_THAT(ReportIds(computed.around()), ElementsAre("440106:commerce/2023/project/fair",
                                                        "440105:commerce/2023/project/fair"));
  EXPECT_EQ(computed.cohort_size(), 3);
}

TEST_F(ReportKindsTest, CompareTakesTheSchemesKindFromTheCatalogAndFromIngest) {
  for (const jixiao::v1::ScoreCard& card : Cards()) PublishAndCache(card);
  jixiao::v1::CompareRequest projects = CompareOf(kYear);
  projects.mutable_scheme()->set_id(kProjectSchemeId);
  jixiao::v1::CompareResponse response;
  ASSERT_OK(Compare(projects, &response));
  std::vector<std::string> ids;
  for (const auto& row : response.rows()) ids.push_back(row.report_id());
  EXPECT_THAT(ids,
              ElementsAre("440106:commerce/2023/project/expo", "440106:commerce/2023/project/fair",
                          "440105:commerce/2023/project/fair"));

  jixiao::v1::CompareResponse departments;
  ASSERT_OK(Compare(CompareOf(kYear), &departments));
  EXPECT_THAT(RowCodes(departments), ElementsAre("440106:commerce", "440105:commerce"));

  // A listed cohort of project reports is "all" of them filtered by department.
  jixiao::v1::CompareRequest listed = projects;
  listed.mutable_cohort()->add_department_codes("440105:commerce");
  jixiao::v1::CompareResponse one;
  ASSERT_OK(Compare(listed, &one));
  ASSERT_EQ(one.rows_size(), 1);
  EXPECT_EQ(one.rows(0).report_id(), "440105:commerce/2023/project/fair");
  EXPECT_EQ(h().ingest().list_calls(), 0);
}

TEST_F(ReportKindsTest, CompareFromIngestKeepsTheSchemesKind) {
  for (const jixiao::v1::ScoreCard& card : Cards()) h().Store(card);
  jixiao::v1::CompareRequest projects = CompareOf(kYear);
  projects.mutable_scheme()->set_id(kProjectSchemeId);
  jixiao::v1::CompareResponse response;
  ASSERT_OK(Compare(projects, &response));
  EXPECT_EQ(response.rows_size(), 3);
  jixiao::v1::CompareResponse departments;
  ASSERT_OK(Compare(CompareOf(kYear), &departments));
  EXPECT_THAT(RowCodes(departments), ElementsAre("440106:commerce", "440105:commerce"));
  EXPECT_GT(h().ingest().list_calls(), 0);
}

TEST_F(ReportKindsTest, ATrendOfProjectReportsIsRefused) {
  jixiao::v1::TrendRequest request;
  request.set_department_code("440106:commerce");
  request.mutable_scheme()->set_id(kProjectSchemeId);
  request.set_from_year(2022);
  request.set_to_year(2023);
  jixiao::v1::TrendResponse response;
  const grpc::Status status = Trend(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("scheme"));
}

TEST_F(QueryServiceTest, ScoringCallsRunConcurrentlyWithinTheBound) {
  // The harness's scoring client keeps at most 4 calls in flight.
  for (int i = 0; i < 8; ++i) {
    CardSpec spec = With(kTianheCommerce, 50 + i);
    spec.department_code = absl::StrCat("440106:dept", i);
    ASSERT_TRUE(h().Publish(MakeCard(spec)).ok());
  }
  // Each call waits for three others: answered only when four run at once.
  h().scoring().HoldUntilArrivals(4);
  const absl::Time start = absl::Now();
  jixiao::v1::CompareResponse response;
  ASSERT_TRUE(Compare(CompareOf(kYear), &response).ok());
  EXPECT_EQ(response.rows_size(), 8);
  EXPECT_EQ(h().scoring().max_in_flight(), 4);
  EXPECT_LT(absl::Now() - start, absl::Seconds(10)) << "the calls did not run four at a time";
}

TEST_F(QueryServiceTest, CallerDeadlineEndsScoringCallsAndTheQuery) {
  const jixiao::v1::ScoreCard card = MakeCard(kTianheCommerce);
  ASSERT_TRUE(h().Publish(card).ok());
  // Scoring never answers on its own: it waits for a second call that never comes.
  h().scoring().HoldUntilArrivals(2);

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
  jixiao::v1::GetScoreCardRequest request;
  request.set_report_id(card.report().report_id());
  jixiao::v1::GetScoreCardResponse response;
  const grpc::Status status = h().query().GetScoreCard(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The query's worker gave up on scoring at the deadline and finished the call.
  EXPECT_TRUE(h().query_log().WaitForLine(
      {"event=rpc", "method=/jixiao.v1.QueryService/GetScoreCard"}, absl::Seconds(5)));
  h().scoring().ReleaseHolds();
}

TEST_F(QueryServiceTest, CompareRefusesBadRequests) {
  jixiao::v1::CompareResponse response;
  grpc::Status status = Compare(CompareOf(0), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("fiscal_year"));

  jixiao::v1::CompareRequest named = CompareOf(kYear);
  named.mutable_cohort()->set_name("peers");
  status = Compare(named, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "cohort.name: no cohort named \"peers\" is configured (ListCohorts)");
}

// ---- Trend

TEST_F(QueryServiceTest, TrendSkipsYearsWithoutAReport) {
  PublishAndCache(MakeCard(With(kTianheCommerce, 70, 1, 2021)));
  ASSERT_TRUE(h().Publish(MakeCard(With(kTianheCommerce, 85, 2, 2023))).ok());

  jixiao::v1::TrendRequest request;
  request.set_department_code("440106:commerce");
  request.set_from_year(2020);
  request.set_to_year(2024);
  jixiao::v1::TrendResponse response;
  ASSERT_OK(Trend(request, &response));
  ASSERT_EQ(response.points_size(), 2);
  EXPECT_EQ(response.points(0).fiscal_year(), 2021);
  EXPECT_DOUBLE_EQ(response.points(0).row().total(), 70);
  EXPECT_EQ(response.points(1).fiscal_year(), 2023);
  EXPECT_EQ(response.points(1).row().report_version(), 2);
  // The catalog knows which years have a report: only the uncached one is scored.
  EXPECT_THAT(h().scoring().score_requests(), ElementsAre("440106:commerce/2023/department@2"));
  EXPECT_FALSE(response.freshness().from_cache());
  EXPECT_EQ(response.freshness().reports_size(), 2);
}

TEST_F(QueryServiceTest, TrendWithoutCatalogAsksScoringForEveryYear) {
  h().Store(MakeCard(With(kTianheCommerce, 70, 1, 2021)));
  h().Store(MakeCard(With(kTianheCommerce, 85, 1, 2023)));

  jixiao::v1::TrendRequest request;
  request.set_department_code("440106:commerce");
  request.set_from_year(2020);
  request.set_to_year(2024);
  jixiao::v1::TrendResponse response;
  ASSERT_TRUE(Trend(request, &response).ok());
  ASSERT_EQ(response.points_size(), 2);
  EXPECT_EQ(response.points(0).fiscal_year(), 2021);
  EXPECT_EQ(response.points(1).fiscal_year(), 2023);
  EXPECT_EQ(h().scoring().score_calls(), 5);
}

TEST_F(QueryServiceTest, TrendRefusesBadRanges) {
  jixiao::v1::TrendRequest request;
  request.set_department_code("440106:commerce");
  request.set_from_year(2024);
  request.set_to_year(2020);
  jixiao::v1::TrendResponse response;
  grpc::Status status = Trend(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("from_year"));
  request.clear_department_code();
  status = Trend(request, &response);
  EXPECT_THAT(status.error_message(), HasSubstr("department_code"));
}

// ---- Redis going away and coming back

TEST_F(QueryServiceTest, RedisDownAnswersAreDegradedThenCachedAgainAfterRefill) {
  const jixiao::v1::ScoreCard first = MakeCard(With(kTianheCommerce, 90));
  const jixiao::v1::ScoreCard second = MakeCard(With(kHaizhuCommerce, 80));
  PublishAndCache(first);
  PublishAndCache(second);
  const std::string report_id = first.report().report_id();
  jixiao::v1::GetScoreCardResponse cached;
  ASSERT_TRUE(GetScoreCard(report_id, &cached).ok());
  ASSERT_TRUE(cached.freshness().from_cache());

  ASSERT_TRUE(h().redis().Stop().ok());

  jixiao::v1::GetScoreCardResponse card;
  ASSERT_OK(GetScoreCard(report_id, &card));
  EXPECT_DOUBLE_EQ(card.scorecard().total(), 90);
  EXPECT_FALSE(card.freshness().from_cache());
  EXPECT_TRUE(card.freshness().degraded());
  EXPECT_THAT(
      h().query_log().LinesContaining({"level=warn", "event=cache_degraded", "redis_error="}),
      Not(IsEmpty()));

  jixiao::v1::CompareResponse compared;
  ASSERT_OK(Compare(CompareOf(kYear), &compared));
  EXPECT_THAT(RowCodes(compared), ElementsAre("440106:commerce", "440105:commerce"));
  EXPECT_TRUE(compared.freshness().degraded());
  EXPECT_GE(h().ingest().list_calls(), 1);

  jixiao::v1::RankingResponse ranked;
  ASSERT_TRUE(Ranking(RankingOf(kYear), &ranked).ok());
  EXPECT_THAT(Codes(ranked.top()), ElementsAre("440106:commerce", "440105:commerce"));
  EXPECT_TRUE(ranked.freshness().degraded());

  jixiao::v1::TrendRequest trend_request;
  trend_request.set_department_code("440106:commerce");
  trend_request.set_from_year(kYear);
  trend_request.set_to_year(kYear);
  jixiao::v1::TrendResponse trend;
  ASSERT_TRUE(Trend(trend_request, &trend).ok());
  ASSERT_EQ(trend.points_size(), 1);
  EXPECT_TRUE(trend.freshness().degraded());

  // Back, empty. Poll until the query service uses Redis again (its pool
  // reconnects after a short backoff).
  ASSERT_TRUE(h().redis().Restart().ok());
  ASSERT_TRUE(h().WaitForRedis(absl::Seconds(10)).ok());
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  bool degraded = true;
  while (degraded && absl::Now() < deadline) {
    jixiao::v1::GetScoreCardResponse probe;
    ASSERT_TRUE(GetScoreCard(report_id, &probe).ok());
    degraded = probe.freshness().degraded();
    if (degraded) absl::SleepFor(absl::Milliseconds(20));  // polling interval only
  }
  ASSERT_FALSE(degraded) << "the query service did not use Redis again";

  // Ingest republishes, scoring refills.
  PublishAndCache(first);
  PublishAndCache(second);
  const int score_calls = h().scoring().score_calls();
  jixiao::v1::GetScoreCardResponse refilled;
  ASSERT_TRUE(GetScoreCard(report_id, &refilled).ok());
  EXPECT_TRUE(refilled.freshness().from_cache());
  EXPECT_FALSE(refilled.freshness().degraded());
  jixiao::v1::RankingResponse ranked_again;
  ASSERT_TRUE(Ranking(RankingOf(kYear), &ranked_again).ok());
  EXPECT_TRUE(ranked_again.freshness().from_cache());
  EXPECT_FALSE(ranked_again.freshness().degraded());
  EXPECT_EQ(h().scoring().score_calls(), score_calls);
}

}  // namespace
}  // namespace jixiao::query::testing
