// The three services end to end, as separate processes against a real Redis:
// what ingest acknowledges is what queries answer, with or without the cache.

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/server/rich_error.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/integration/fault_support.h"
#include "tests/integration/service_stack.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/postgres_server.h"
#include "tests/support/status_macros.h"

namespace jixiao::testing {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::SizeIs;

constexpr char kScheme[] = "guangzhou-department";
const std::vector<std::string> kSeeds = {
    "guangzhou-commerce-bureau-2023", "liwan-commerce-investment-bureau-2022", "tianhe-ccpit-2023",
    "tianhe-commerce-finance-bureau-2023"};

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  return context;
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<ServiceStack> stack, ServiceStack::Start(StoreUrl()));
    stack_ = std::move(stack);
  }

  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  virtual std::string StoreUrl() { return ""; }

  v1::SubmitReportResponse Submit(const v1::EvaluationReport& report) {
    v1::SubmitReportRequest request;
    *request.mutable_report() = report;
    v1::SubmitReportResponse response;
    const grpc::Status status = stack_->ingest().SubmitReport(Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  // Every seed, by report id.
  std::map<std::string, v1::ReportRef> SubmitSeeds() {
    std::map<std::string, v1::ReportRef> refs;
    for (const std::string& seed : kSeeds) {
      const v1::SubmitReportResponse response = Submit(scoring::testing::SeedReport(seed));
      refs[response.ref().report_id()] = response.ref();
    }
    return refs;
  }

  v1::GetScoreCardResponse ScoreCard(const std::string& report_id) {
    v1::GetScoreCardRequest request;
    request.set_report_id(report_id);
    request.mutable_scheme()->set_id(kScheme);
    v1::GetScoreCardResponse response;
    const grpc::Status status = stack_->query().GetScoreCard(Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  v1::CompareResponse Compare(int year) {
    v1::CompareRequest request;
    request.set_fiscal_year(year);
    request.mutable_scheme()->set_id(kScheme);
    v1::CompareResponse response;
    const grpc::Status status = stack_->query().Compare(Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  v1::RankingResponse Ranking(int year) {
    v1::RankingRequest request;
    request.set_fiscal_year(year);
    request.mutable_scheme()->set_id(kScheme);
    request.set_top_n(10);
    v1::RankingResponse response;
    const grpc::Status status = stack_->query().Ranking(Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  // The stored (normalized) report, scored in-process by the engine.
  v1::ScoreCard EngineScoreCard(const std::string& report_id) {
    v1::GetReportRequest request;
    request.set_report_id(report_id);
    v1::GetReportResponse stored;
    const grpc::Status status = stack_->ingest().GetReport(Context().get(), request, &stored);
    EXPECT_TRUE(status.ok()) << status.error_message();
    absl::StatusOr<v1::ScoreCard> card =
        scoring::ScoreReport(stored.report(), scoring::testing::ShippedPreparedScheme(kScheme));
    EXPECT_TRUE(card.ok()) << card.status();
    if (!card.ok()) return {};
    *card->mutable_report() = stored.ref();
    return *card;
  }

  std::unique_ptr<ServiceStack> stack_;
};

TEST_F(EndToEndTest, SeedsGiveTheScoreCardsOfTheEngine) {
  const std::map<std::string, v1::ReportRef> refs = SubmitSeeds();
  ASSERT_THAT(refs, SizeIs(kSeeds.size()));
  for (const auto& [report_id, ref] : refs) {
    SCOPED_TRACE(report_id);
    EXPECT_EQ(ref.version(), 1);
    const v1::GetScoreCardResponse answer = ScoreCard(report_id);
    const v1::ScoreCard expected = EngineScoreCard(report_id);
    std::string differences;
    MessageDifferencer differ;
    differ.ReportDifferencesToString(&differences);
    EXPECT_TRUE(differ.Compare(expected, answer.scorecard())) << differences;
    EXPECT_FALSE(answer.freshness().degraded());
    ASSERT_THAT(answer.freshness().reports(), SizeIs(1));
    EXPECT_EQ(answer.freshness().reports(0).version(), ref.version());
    EXPECT_EQ(answer.freshness().scheme().id(), kScheme);
    EXPECT_GT(answer.freshness().scheme().version(), 0);

    // The second answer is the same card, from the cache.
    const v1::GetScoreCardResponse again = ScoreCard(report_id);
    EXPECT_TRUE(MessageDifferencer::Equals(answer.scorecard(), again.scorecard()));
    EXPECT_TRUE(again.freshness().from_cache());
  }

  // The 2023 comparison has the three departments of that year, with their
  // recomputed totals beside the declared ones.
  const v1::CompareResponse comparison = Compare(2023);
  ASSERT_THAT(comparison.rows(), SizeIs(3));
  for (const v1::ComparisonRow& row : comparison.rows()) {
    SCOPED_TRACE(row.report_id());
    const v1::ScoreCard expected = EngineScoreCard(row.report_id());
    EXPECT_EQ(row.total(), expected.total());
    EXPECT_EQ(row.grade(), expected.grade());
    EXPECT_EQ(row.has_declared_total(), expected.has_declared_total());
    if (expected.has_declared_total()) {
      EXPECT_EQ(row.declared_total(), expected.declared_total());
    }
    EXPECT_EQ(row.report_version(), 1);
  }
}

TEST_F(EndToEndTest, ChangedContentIsANewVersionAndTheNextQueryReflectsIt) {
  v1::EvaluationReport report = scoring::testing::SeedReport("tianhe-ccpit-2023");
  const v1::SubmitReportResponse first = Submit(report);
  EXPECT_TRUE(first.created());
  const v1::GetScoreCardResponse before = ScoreCard(first.ref().report_id());
  ASSERT_EQ(before.freshness().reports(0).version(), 1);

  // The same content again: the same version.
  const v1::SubmitReportResponse same = Submit(report);
  EXPECT_FALSE(same.created());
  EXPECT_EQ(same.ref().version(), 1);

  // A corrected declaration makes version 2, and the very next query shows it.
  report.mutable_declared()->set_total(before.scorecard().declared_total() - 1);
  const v1::SubmitReportResponse second = Submit(report);
  EXPECT_TRUE(second.created());
  EXPECT_EQ(second.ref().version(), 2);
  EXPECT_NE(second.ref().content_hash(), first.ref().content_hash());

  const v1::GetScoreCardResponse after = ScoreCard(first.ref().report_id());
  EXPECT_EQ(after.scorecard().report().version(), 2);
  EXPECT_EQ(after.scorecard().declared_total(), before.scorecard().declared_total() - 1);
  const v1::CompareResponse comparison = Compare(2023);
  ASSERT_THAT(comparison.rows(), SizeIs(1));
  EXPECT_EQ(comparison.rows(0).report_version(), 2);
  EXPECT_EQ(comparison.rows(0).declared_total(), before.scorecard().declared_total() - 1);

  // The old version is kept.
  v1::GetReportRequest request;
  request.set_report_id(first.ref().report_id());
  request.set_version(1);
  v1::GetReportResponse old;
  ASSERT_TRUE(stack_->ingest().GetReport(Context().get(), request, &old).ok());
  EXPECT_EQ(old.ref().content_hash(), first.ref().content_hash());
}

TEST_F(EndToEndTest, WithoutRedisAnswersStayCorrectAndSayDegraded) {
  const std::map<std::string, v1::ReportRef> refs = SubmitSeeds();
  const std::string report_id = refs.begin()->first;
  const v1::GetScoreCardResponse cached = ScoreCard(report_id);
  const v1::CompareResponse comparison = Compare(2023);
  ASSERT_THAT(comparison.rows(), SizeIs(3));
  const v1::RankingResponse ranking = Ranking(2023);

  ASSERT_TRUE(stack_->redis().Stop().ok());
  const v1::GetScoreCardResponse computed = ScoreCard(report_id);
  EXPECT_TRUE(MessageDifferencer::Equals(cached.scorecard(), computed.scorecard()));
  EXPECT_TRUE(computed.freshness().degraded());
  EXPECT_FALSE(computed.freshness().from_cache());

  const v1::CompareResponse degraded_comparison = Compare(2023);
  EXPECT_TRUE(degraded_comparison.freshness().degraded());
  ASSERT_THAT(degraded_comparison.rows(), SizeIs(3));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(degraded_comparison.rows(i).report_id(), comparison.rows(i).report_id());
    EXPECT_EQ(degraded_comparison.rows(i).total(), comparison.rows(i).total());
    EXPECT_EQ(degraded_comparison.rows(i).rank(), comparison.rows(i).rank());
  }
  const v1::RankingResponse degraded_ranking = Ranking(2023);
  EXPECT_TRUE(degraded_ranking.freshness().degraded());
  ASSERT_EQ(degraded_ranking.top_size(), ranking.top_size());
  for (int i = 0; i < ranking.top_size(); ++i) {
    EXPECT_EQ(degraded_ranking.top(i).department_code(), ranking.top(i).department_code());
    EXPECT_EQ(degraded_ranking.top(i).total(), ranking.top(i).total());
  }

  // Ingest still acknowledges (durably) while Redis is down, and queries see it.
  v1::EvaluationReport changed = scoring::testing::SeedReport("tianhe-ccpit-2023");
  changed.mutable_declared()->set_total(90);
  const v1::SubmitReportResponse submitted = Submit(changed);
  EXPECT_EQ(submitted.ref().version(), 2);
  const v1::GetScoreCardResponse while_down = ScoreCard(submitted.ref().report_id());
  EXPECT_EQ(while_down.scorecard().report().version(), 2);
  EXPECT_EQ(while_down.scorecard().declared_total(), 90);

  // Redis comes back empty: the catalog is republished and the cache refills.
  ASSERT_TRUE(stack_->redis().Restart().ok());
  v1::GetScoreCardResponse refilled;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  do {
    refilled = ScoreCard(submitted.ref().report_id());
    if (refilled.freshness().from_cache()) break;
    absl::SleepFor(absl::Milliseconds(50));  // polling for the refill, not ordering events
  } while (absl::Now() < deadline);
  EXPECT_TRUE(refilled.freshness().from_cache());
  EXPECT_FALSE(refilled.freshness().degraded());
  EXPECT_EQ(refilled.scorecard().report().version(), 2);
  EXPECT_EQ(refilled.scorecard().declared_total(), 90);
}

// Redis restarting empty loses the catalog, the cards and the rankings. Cards and rows that
// queries cache before ingest has republished the catalog (it checks every 2 s) cannot be
// ranked then, their versions not being published yet, and later queries find them cached
// and never score them again. Ingest, finding the catalog lost, has scoring rescore every
// report once it is republished, and the ranking is served from Redis again with nobody
// running score-year. The window is reproduced exactly: everything but the cards and rows
// is deleted.
TEST_F(EndToEndTest, RankingsComeBackByThemselvesAfterRedisLosesThem) {
  SubmitSeeds();
  const v1::RankingResponse ranking = Ranking(2023);
  ASSERT_THAT(Compare(2023).rows(), SizeIs(3));  // every card and row cached
  ASSERT_TRUE(Ranking(2023).freshness().from_cache());

  redis::RedisConfig config;
  config.port = stack_->redis().port();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<redis::RedisPool> pool, redis::RedisPool::Create(config));
  // A ranking is served from Redis when its sorted set holds every member (a ranking
  // computed from cached rows says from_cache too): wait for the department ranking's sets.
  auto ranked = [this] { return RankedInRedis(stack_->redis(), 2023); };

  ASSERT_EQ(ranked(), 3);

  ASSERT_OK_AND_ASSIGN(redis::RedisReply keys, pool->Command({"KEYS", "jixiao:v1:*"}));
  for (const redis::RedisReply& key : keys.elements()) {
    if (!absl::StartsWith(key.str(), "jixiao:v1:card:") &&
        !absl::StartsWith(key.str(), "jixiao:v1:row2:")) {
      ASSERT_OK(pool->Command({"DEL", key.str()}));
    }
  }

  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (ranked() < 3 && absl::Now() < deadline) {
    EXPECT_TRUE(Ranking(2023).freshness().from_cache());  // answered all along
    absl::SleepFor(absl::Milliseconds(100));  // polling for the rebuild, not ordering events
  }
  EXPECT_EQ(ranked(), 3) << stack_->Logs();
  const v1::RankingResponse healed = Ranking(2023);
  EXPECT_TRUE(healed.freshness().from_cache()) << stack_->Logs();
  EXPECT_FALSE(healed.freshness().degraded());
  ASSERT_EQ(healed.top_size(), ranking.top_size());
  for (int i = 0; i < ranking.top_size(); ++i) {
    EXPECT_EQ(healed.top(i).department_code(), ranking.top(i).department_code());
    EXPECT_EQ(healed.top(i).total(), ranking.top(i).total());
  }
}

TEST_F(EndToEndTest, BadReportsAreRefusedWithFieldPathsAndNothingIsStored) {
  v1::EvaluationReport report = scoring::testing::SeedReport("tianhe-ccpit-2023");
  report.clear_fiscal_year();
  report.mutable_department()->clear_code();
  v1::SubmitReportRequest request;
  *request.mutable_report() = report;
  v1::SubmitReportResponse response;
  const grpc::Status status = stack_->ingest().SubmitReport(Context().get(), request, &response);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  std::vector<std::string> fields;
  for (const auto& violation : server::BadRequestViolations(status)) {
    fields.push_back(violation.field());
  }
  EXPECT_THAT(fields, ::testing::Contains(::testing::HasSubstr("fiscal_year")));
  EXPECT_THAT(fields, ::testing::Contains(::testing::HasSubstr("department.code")));

  v1::ListReportsRequest list;
  v1::ListReportsResponse listed;
  ASSERT_TRUE(stack_->ingest().ListReports(Context().get(), list, &listed).ok());
  EXPECT_THAT(listed.reports(), SizeIs(0));
}

// The same system with ingest on PostgreSQL, the production store.
class PostgresEndToEndTest : public EndToEndTest {
 protected:
  static void SetUpTestSuite() {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<PostgresServer> server, PostgresServer::Start());
    postgres_ = server.release();
  }
  static void TearDownTestSuite() {
    delete postgres_;
    postgres_ = nullptr;
  }

  // A database of its own for each test.
  std::string StoreUrl() override {
    const std::string database = absl::StrCat("e2e_", ++databases_);
    const absl::Status created = postgres_->CreateDatabase(database);
    EXPECT_TRUE(created.ok()) << created;
    return postgres_->Url(database);
  }

  static PostgresServer* postgres_;
  static int databases_;
};

PostgresServer* PostgresEndToEndTest::postgres_ = nullptr;
int PostgresEndToEndTest::databases_ = 0;

TEST_F(PostgresEndToEndTest, SeedsAndNewVersionsEndToEnd) {
  const std::map<std::string, v1::ReportRef> refs = SubmitSeeds();
  ASSERT_THAT(refs, SizeIs(kSeeds.size()));
  for (const auto& [report_id, ref] : refs) {
    SCOPED_TRACE(report_id);
    EXPECT_TRUE(
        MessageDifferencer::Equals(EngineScoreCard(report_id), ScoreCard(report_id).scorecard()));
  }
  v1::EvaluationReport report = scoring::testing::SeedReport("tianhe-ccpit-2023");
  report.mutable_declared()->set_total(95);
  const v1::SubmitReportResponse second = Submit(report);
  EXPECT_EQ(second.ref().version(), 2);
  const v1::GetScoreCardResponse after = ScoreCard(second.ref().report_id());
  EXPECT_EQ(after.scorecard().report().version(), 2);
  EXPECT_EQ(after.scorecard().declared_total(), 95);
}

}  // namespace
}  // namespace jixiao::testing
