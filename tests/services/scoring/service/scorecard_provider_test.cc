// Cache-aside scoring against a real redis-server, with reports from a fake
// source that counts what it is asked.

#include "services/scoring/service/scorecard_provider.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "common/platform/logging/recording_log_sink.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/report_catalog.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/services/scoring/service/scoring_redis_fixture.h"

namespace jixiao::scoring {
namespace {

using ::google::protobuf::util::MessageDifferencer;

constexpr char kScheme[] = "guangzhou-department";

// Versions of reports, served as ingest would serve them.
class FakeReportSource : public ReportSource {
 public:
  void Store(const v1::EvaluationReport& report) {
    std::lock_guard<std::mutex> lock(mu_);
    auto& versions = reports_[report.report_id()];
    versions.push_back(report);
  }

  int fetches() const {
    std::lock_guard<std::mutex> lock(mu_);
    return fetches_;
  }

  absl::StatusOr<FetchedReport> Fetch(grpc::CallbackServerContext*, absl::string_view report_id,
                                      int64_t version) override {
    std::lock_guard<std::mutex> lock(mu_);
    ++fetches_;
    auto found = reports_.find(std::string(report_id));
    if (found == reports_.end()) return absl::NotFoundError("no such report");
    const int64_t resolved = version == 0 ? static_cast<int64_t>(found->second.size()) : version;
    if (resolved < 1 || resolved > static_cast<int64_t>(found->second.size())) {
      return absl::NotFoundError("no such version");
    }
    FetchedReport fetched;
    fetched.report = found->second[resolved - 1];
    fetched.ref.set_report_id(std::string(report_id));
    fetched.ref.set_version(resolved);
    fetched.ref.set_content_hash("hash-" + std::to_string(resolved));
    return fetched;
  }

  absl::StatusOr<ReportPage> ListYear(grpc::CallbackServerContext*, int,
                                      absl::string_view) override {
    return absl::UnimplementedError("the provider never lists");
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::vector<v1::EvaluationReport>> reports_;
  int fetches_ = 0;
};

class ScoreCardProviderTest : public testing::ScoringRedisFixture {
 protected:
  void SetUp() override {
    ScoringRedisFixture::SetUp();
    if (HasFatalFailure()) return;
    pool_ = MakePool(ServerConfig());
    ASSERT_NE(pool_, nullptr);
    cache_ = std::make_unique<score_cache::ScoreCardCache>(pool_.get(), absl::Hours(1));
    rankings_ = std::make_unique<score_cache::RankingIndex>(pool_.get());
    catalog_ = std::make_unique<score_cache::ReportCatalog>(pool_.get());
    provider_ = std::make_unique<ScoreCardProvider>(
        &schemes_.schemes, kScheme, &source_, cache_.get(), rankings_.get(),
        logging::Logger(logging::LogLevel::kInfo, &log_));
    report_ = testing::SeedReport("tianhe-ccpit-2023");
    source_.Store(report_);
  }

  v1::ScoreReportResponse Score(int64_t version, ScoreCardProvider* provider = nullptr) {
    v1::ScoreReportRequest request;
    request.mutable_report()->set_report_id(report_.report_id());
    request.mutable_report()->set_version(version);
    absl::StatusOr<v1::ScoreReportResponse> response =
        (provider != nullptr ? provider : provider_.get())->Score(nullptr, request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : v1::ScoreReportResponse();
  }

  v1::ScoreCard Expected(int64_t version) {
    absl::StatusOr<v1::ScoreCard> card =
        ScoreReport(report_, *schemes_.schemes.FindPrepared(kScheme, 0));
    EXPECT_TRUE(card.ok()) << card.status();
    card->mutable_report()->set_version(version);
    card->mutable_report()->set_content_hash("hash-" + std::to_string(version));
    return *card;
  }

  FakeReportSource source_;
  logging::RecordingLogSink log_;
  std::unique_ptr<redis::RedisPool> pool_;
  std::unique_ptr<score_cache::ScoreCardCache> cache_;
  std::unique_ptr<score_cache::RankingIndex> rankings_;
  std::unique_ptr<score_cache::ReportCatalog> catalog_;
  std::unique_ptr<ScoreCardProvider> provider_;
  v1::EvaluationReport report_;
};

TEST_F(ScoreCardProviderTest, ComputesOnceThenServesFromTheCache) {
  const v1::ScoreReportResponse computed = Score(1);
  EXPECT_TRUE(MessageDifferencer::Equals(computed.scorecard(), Expected(1)));
  EXPECT_FALSE(computed.freshness().from_cache());
  EXPECT_FALSE(computed.freshness().degraded());
  EXPECT_EQ(computed.freshness().scheme().id(), kScheme);
  ASSERT_EQ(computed.freshness().reports_size(), 1);
  EXPECT_EQ(computed.freshness().reports(0).version(), 1);
  EXPECT_EQ(source_.fetches(), 1);

  // An explicit version is answered from the cache without asking ingest.
  const v1::ScoreReportResponse cached = Score(1);
  EXPECT_TRUE(MessageDifferencer::Equals(cached.scorecard(), computed.scorecard()));
  EXPECT_TRUE(cached.freshness().from_cache());
  EXPECT_GE(cached.freshness().age_ms(), 0);
  EXPECT_EQ(source_.fetches(), 1);

  // "The latest" always asks ingest which version that is.
  EXPECT_TRUE(Score(0).freshness().from_cache());
  EXPECT_EQ(source_.fetches(), 2);
}

TEST_F(ScoreCardProviderTest, TheLatestIsTheStoresNotTheCaches) {
  Score(0);
  report_.mutable_declared()->set_total(90);
  source_.Store(report_);
  const v1::ScoreReportResponse latest = Score(0);
  EXPECT_EQ(latest.scorecard().report().version(), 2);
  EXPECT_EQ(latest.scorecard().declared_total(), 90);
  EXPECT_FALSE(latest.freshness().from_cache());
}

TEST_F(ScoreCardProviderTest, RanksACardOnlyWhileItsVersionIsPublished) {
  const score_cache::RankingScope scope{Score(1).scorecard().scheme(), 2023, "all"};
  absl::StatusOr<std::vector<score_cache::RankedEntry>> top = rankings_->Top(scope, 10);
  ASSERT_TRUE(top.ok()) << top.status();
  EXPECT_TRUE(top->empty());  // not published: not ranked

  const score_cache::CatalogEntry entry{report_.report_id(), 1, 2023, report_.department()};
  ASSERT_TRUE(catalog_->Publish({&entry, 1}).ok());
  Score(1);  // a cache hit ranks it now
  top = rankings_->Top(scope, 10);
  ASSERT_TRUE(top.ok()) << top.status();
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ(top->front().report_id, report_.report_id());
}

TEST_F(ScoreCardProviderTest, WithoutRedisTheAnswerIsComputedAndSaysDegraded) {
  ASSERT_TRUE(server().Stop().ok());
  const v1::ScoreReportResponse computed = Score(1);
  EXPECT_TRUE(MessageDifferencer::Equals(computed.scorecard(), Expected(1)));
  EXPECT_TRUE(computed.freshness().degraded());
  EXPECT_FALSE(computed.freshness().from_cache());
  bool logged = false;
  for (const std::string& line : log_.Lines()) {
    logged |= line.find("event=cache_degraded") != std::string::npos;
  }
  EXPECT_TRUE(logged);
}

TEST_F(ScoreCardProviderTest, WithNoCacheConfiguredEveryAnswerIsComputed) {
  ScoreCardProvider uncached(&schemes_.schemes, kScheme, &source_, nullptr, nullptr,
                             logging::Logger(logging::LogLevel::kInfo, &log_));
  for (int i = 0; i < 2; ++i) {
    const v1::ScoreReportResponse computed = Score(1, &uncached);
    EXPECT_FALSE(computed.freshness().from_cache());
    EXPECT_FALSE(computed.freshness().degraded());
  }
}

TEST_F(ScoreCardProviderTest, BadRequestsAreRefused) {
  v1::ScoreReportRequest request;
  EXPECT_EQ(provider_->Score(nullptr, request).status().code(), absl::StatusCode::kInvalidArgument);
  request.mutable_report()->set_report_id("nobody/2023/department");
  EXPECT_EQ(provider_->Score(nullptr, request).status().code(), absl::StatusCode::kNotFound);
  request.mutable_report()->set_report_id(report_.report_id());
  request.mutable_scheme()->set_id("no-such-scheme");
  EXPECT_EQ(provider_->Score(nullptr, request).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace jixiao::scoring
