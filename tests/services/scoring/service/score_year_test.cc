// ScoreYear end to end: the scoring service on a real gRPC server on loopback,
// the real ingest service serving a generated year of reports from an
// in-memory store (instrumented to count and fail calls), and a private
// redis-server whose catalog knows them, as ingest would have published them.

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/platform/logging/recording_log_sink.h"
#include "common/platform/server/server_runner.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/report_catalog.h"
#include "common/score_cache/scorecard_cache.h"
#include "jixiao/v1/scoring_service.grpc.pb.h"
#include "services/scoring/service/ingest_report_source.h"
#include "services/scoring/service/scheme_resolution.h"
#include "services/scoring/service/scorecard_provider.h"
#include "services/scoring/service/scoring_service.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/services/scoring/service/scoring_redis_fixture.h"
#include "tests/support/in_process_ingest.h"
#include "tests/support/status_macros.h"
#include "tools/gen/report_generator.h"
#include "tools/jixiao/score_year_command.h"

namespace jixiao::scoring {
namespace {

constexpr char kScheme[] = "guangzhou-department";
constexpr char kScoreYearMethod[] = "method=/jixiao.v1.ScoringService/ScoreYear";
constexpr int kYear = 2023;
constexpr int kConcurrency = 8;
// 30 divisions of 40 departments: 1,200 reports in 2023, three pages of ListReports.
constexpr int kDivisions = 30;
constexpr int kDepartments = 40;
constexpr int64_t kReports = int64_t{kDivisions} * kDepartments;

// As many workers as one call runs reports at once: each blocks on a fetch.
server::ServerConfig LoopbackConfig() {
  server::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.workers = kConcurrency;
  config.worker_queue = 64;
  config.drain = absl::Seconds(5);
  return config;
}

class ScoreYearTest : public testing::ScoringRedisFixture {
 protected:
  void SetUp() override {
    ScoringRedisFixture::SetUp();
    if (HasFatalFailure()) return;
    seed_pool_ = MakePool(ServerConfig());
    scoring_pool_ = MakePool(ServerConfig());
    ASSERT_NE(seed_pool_, nullptr);
    ASSERT_NE(scoring_pool_, nullptr);

    ::jixiao::testing::InProcessIngest::Options ingest_options;
    ingest_options.workers = kConcurrency;
    ingest_options.logger = logging::Logger(logging::LogLevel::kWarn, &ingest_log_);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<::jixiao::testing::InProcessIngest> ingest,
                         ::jixiao::testing::InProcessIngest::Start(ingest_options));
    ingest_ = std::move(ingest);
    source_ = std::make_unique<IngestReportSource>(
        grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()),
        absl::Seconds(10));
    ASSERT_NO_FATAL_FAILURE(StoreYears());
  }

  void TearDown() override {
    // The scoring server first: its calls may still talk to ingest and Redis.
    scoring_runner_.reset();
    service_.reset();
    provider_.reset();
    ingest_.reset();
  }

  // The year under test, and a few reports of the year before that ScoreYear
  // must leave alone; every one published in the catalog, as ingest does.
  void StoreYears() {
    std::vector<score_cache::CatalogEntry> published;
    for (const gen::DatasetShape& shape : {Shape(kYear, kDivisions), Shape(kYear - 1, 1)}) {
      for (int64_t i = 0; i < gen::ReportCount(shape); ++i) {
        const v1::EvaluationReport report = gen::GenerateReport(shape, gen::AddressAt(shape, i));
        ASSERT_NO_FATAL_FAILURE(Store(report));
        published.push_back({report.report_id(), 1, report.fiscal_year(), report.department()});
        if (report.fiscal_year() == kYear) {
          year_reports_.push_back(report.report_id());
          for (const std::string& cohort : score_cache::CohortsOf(report.department())) {
            cohorts_.insert(cohort);
          }
        } else {
          other_year_report_ = report.report_id();
        }
      }
    }
    // Project reports of the year, which a department scheme does not score.
    for (int i = 0; i < 5; ++i) {
      v1::EvaluationReport project = gen::GenerateReport(Shape(kYear, 1), {0, i, kYear});
      project.set_kind(v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
      project.set_report_id(absl::StrCat(project.department().code(), "/", kYear, "/project"));
      ASSERT_NO_FATAL_FAILURE(Store(project));
    }
    score_cache::ReportCatalog catalog(seed_pool_.get());
    ASSERT_TRUE(catalog.Publish(published).ok());
    ASSERT_TRUE(catalog.MarkReady().ok());
    ASSERT_EQ(static_cast<int64_t>(year_reports_.size()), kReports);
  }

  // Stores the report in ingest as version 1.
  void Store(const v1::EvaluationReport& report) {
    ASSERT_OK_AND_ASSIGN(ingest::PutOutcome stored,
                         ingest_->Put(report, absl::StrCat("content-", report.report_id())));
    ASSERT_EQ(stored.ref.version(), 1) << report.report_id();
  }

  // Ingest's store, which counts and can fail the calls scoring makes.
  ::jixiao::testing::InstrumentedReportStore& ingest() { return ingest_->store(); }

  static gen::DatasetShape Shape(int year, int divisions) {
    gen::DatasetShape shape;
    shape.seed = 7;
    shape.divisions = divisions;
    shape.departments_per_division = kDepartments;
    shape.first_year = year;
    shape.years = 1;
    return shape;
  }

  // The scoring service, with or without Redis, on a loopback port.
  void StartScoring(bool with_cache = true) {
    if (with_cache) {
      cache_ = std::make_unique<score_cache::ScoreCardCache>(scoring_pool_.get(), absl::Hours(1));
      rankings_ = std::make_unique<score_cache::RankingIndex>(scoring_pool_.get());
    }
    provider_ = std::make_unique<ScoreCardProvider>(
        &schemes_.schemes, kScheme, source_.get(), cache_.get(), rankings_.get(),
        logging::Logger(logging::LogLevel::kInfo, &scoring_log_));
    scoring_runner_ = std::make_unique<server::ServerRunner>(
        LoopbackConfig(), logging::Logger(logging::LogLevel::kInfo, &scoring_log_));
    ScoreYearOptions options;
    options.concurrency = kConcurrency;
    service_ =
        std::make_unique<ScoringServiceImpl>(provider_.get(), &scoring_runner_->workers(), options);
    scoring_runner_->AddService(v1::ScoringService::service_full_name(), service_.get());
    ASSERT_OK_AND_ASSIGN(int port, scoring_runner_->Start());
    scoring_address_ = absl::StrCat("127.0.0.1:", port);
    stub_ = v1::ScoringService::NewStub(
        grpc::CreateChannel(scoring_address_, grpc::InsecureChannelCredentials()));
  }

  static v1::ScoreYearRequest Request(int year = kYear, const std::string& scheme = kScheme) {
    v1::ScoreYearRequest request;
    request.set_fiscal_year(year);
    request.mutable_scheme()->set_id(scheme);
    return request;
  }

  // Every message of the stream, and its status.
  grpc::Status ScoreYear(const v1::ScoreYearRequest& request,
                         std::vector<v1::ScoreYearProgress>& messages) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    std::unique_ptr<grpc::ClientReader<v1::ScoreYearProgress>> reader =
        stub_->ScoreYear(&context, request);
    v1::ScoreYearProgress progress;
    while (reader->Read(&progress)) messages.push_back(progress);
    return reader->Finish();
  }

  v1::SchemeRef ResolvedScheme() const { return RefOf(*schemes_.schemes.Find(kScheme, 0)); }

  // The cached cards of these reports (version 1), nullopt where none is.
  std::vector<std::optional<v1::CachedScoreCard>> CachedCards(
      const std::vector<std::string>& report_ids) {
    std::vector<score_cache::ScoreCardAddress> addresses;
    addresses.reserve(report_ids.size());
    for (const std::string& id : report_ids) addresses.push_back({ResolvedScheme(), id, 1});
    score_cache::ScoreCardCache cache(seed_pool_.get(), absl::Hours(1));
    absl::StatusOr<std::vector<std::optional<v1::CachedScoreCard>>> cards =
        cache.GetMany(addresses);
    EXPECT_TRUE(cards.ok()) << cards.status();
    return cards.ok() ? *std::move(cards) : std::vector<std::optional<v1::CachedScoreCard>>();
  }

  score_cache::CohortCoverage Coverage(const std::string& cohort) {
    score_cache::RankingIndex rankings(seed_pool_.get());
    absl::StatusOr<score_cache::CohortCoverage> coverage =
        rankings.Coverage({ResolvedScheme(), kYear, cohort});
    EXPECT_TRUE(coverage.ok()) << coverage.status();
    return coverage.ok() ? *coverage : score_cache::CohortCoverage();
  }

  // Empties every ranking of the year, as a newer catalog would.
  void ClearRankings() {
    const std::string registry = score_cache::RankKeysRegistryKey(kYear);
    ASSERT_OK_AND_ASSIGN(redis::RedisReply keys, seed_pool_->Command({"SMEMBERS", registry}));
    ASSERT_TRUE(keys.is_array());
    ASSERT_FALSE(keys.elements().empty());
    for (const redis::RedisReply& key : keys.elements()) {
      ASSERT_TRUE(seed_pool_->Command({"DEL", key.str()}).ok());
    }
  }

  logging::RecordingLogSink ingest_log_;
  logging::RecordingLogSink scoring_log_;
  std::unique_ptr<redis::RedisPool> seed_pool_;     // the test's own reads and writes
  std::unique_ptr<redis::RedisPool> scoring_pool_;  // the scoring service's
  std::unique_ptr<::jixiao::testing::InProcessIngest> ingest_;
  std::unique_ptr<IngestReportSource> source_;
  std::unique_ptr<score_cache::ScoreCardCache> cache_;
  std::unique_ptr<score_cache::RankingIndex> rankings_;
  std::unique_ptr<ScoreCardProvider> provider_;
  std::unique_ptr<server::ServerRunner> scoring_runner_;
  std::unique_ptr<ScoringServiceImpl> service_;
  std::string scoring_address_;
  std::unique_ptr<v1::ScoringService::Stub> stub_;
  std::vector<std::string> year_reports_;
  std::set<std::string> cohorts_;
  std::string other_year_report_;
};

// Every failure named in the stream, by report id, with how often it was named.
std::map<std::string, int> NamedFailures(const std::vector<v1::ScoreYearProgress>& messages) {
  std::map<std::string, int> named;
  for (const v1::ScoreYearProgress& message : messages) {
    for (const v1::ScoreYearFailure& failure : message.failures()) ++named[failure.report_id()];
  }
  return named;
}

// Progress messages, then one last message with done = true; counts never go
// back, and each message says something new.
void ExpectWellFormedStream(const std::vector<v1::ScoreYearProgress>& messages) {
  ASSERT_GE(messages.size(), 2u) << "no progress before the last message";
  for (size_t i = 0; i < messages.size(); ++i) {
    const v1::ScoreYearProgress& message = messages[i];
    EXPECT_EQ(message.done(), i + 1 == messages.size()) << "message " << i;
    EXPECT_EQ(message.fiscal_year(), kYear);
    EXPECT_EQ(message.scheme().id(), kScheme);
    EXPECT_GT(message.scheme().version(), 0);
    EXPECT_EQ(message.scored(), message.complete() + message.incomplete());
    EXPECT_LE(message.scored() + message.failed(), message.reports());
    if (i == 0) continue;
    const v1::ScoreYearProgress& before = messages[i - 1];
    EXPECT_GE(message.reports(), before.reports());
    EXPECT_GE(message.scored(), before.scored());
    EXPECT_GE(message.failed(), before.failed());
    EXPECT_GE(message.elapsed_ms(), before.elapsed_ms());
    EXPECT_GT(message.reports() + message.scored() + message.failed(),
              before.reports() + before.scored() + before.failed())
        << "message " << i << " says nothing new";
  }
}

TEST_F(ScoreYearTest, ScoresEveryReportOfTheYearIntoTheCacheAndTheRankings) {
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::vector<v1::ScoreYearProgress> messages;
  const grpc::Status status = ScoreYear(Request(), messages);
  ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  ASSERT_NO_FATAL_FAILURE(ExpectWellFormedStream(messages));
  const v1::ScoreYearProgress& last = messages.back();
  EXPECT_EQ(last.reports(), kReports);
  EXPECT_EQ(last.scored(), kReports);
  EXPECT_EQ(last.failed(), 0);
  EXPECT_GT(last.complete(), 0);
  EXPECT_TRUE(NamedFailures(messages).empty());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(last.scheme(), ResolvedScheme()));

  // Three pages of the largest size, and each report fetched once (none of the
  // project reports).
  EXPECT_EQ(ingest().list_calls(), 3);
  EXPECT_EQ(ingest().largest_page_size_asked(), 500);
  EXPECT_EQ(ingest().get_calls(), kReports);

  int64_t complete = 0;
  const std::vector<std::optional<v1::CachedScoreCard>> cards = CachedCards(year_reports_);
  ASSERT_EQ(cards.size(), year_reports_.size());
  for (size_t i = 0; i < cards.size(); ++i) {
    ASSERT_TRUE(cards[i].has_value()) << year_reports_[i] << " is not cached";
    EXPECT_EQ(cards[i]->scorecard().report().report_id(), year_reports_[i]);
    EXPECT_EQ(cards[i]->scorecard().report().version(), 1);
    complete += cards[i]->scorecard().complete() ? 1 : 0;
  }
  EXPECT_EQ(complete, last.complete());
  EXPECT_FALSE(CachedCards({other_year_report_}).front().has_value());

  const score_cache::CohortCoverage all = Coverage(std::string(score_cache::kAllCohort));
  EXPECT_EQ(all.members, kReports);
  EXPECT_EQ(all.ranked, last.complete());
  EXPECT_EQ(all.unranked, last.incomplete());
  EXPECT_TRUE(all.complete());
  for (const std::string& cohort : cohorts_) EXPECT_TRUE(Coverage(cohort).complete()) << cohort;
}

TEST_F(ScoreYearTest, ASecondRunTakesTheCachedCardsAndRanksThemAgain) {
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::vector<v1::ScoreYearProgress> first;
  ASSERT_TRUE(ScoreYear(Request(), first).ok());
  ASSERT_NO_FATAL_FAILURE(ClearRankings());
  EXPECT_FALSE(Coverage(std::string(score_cache::kAllCohort)).complete());

  std::vector<v1::ScoreYearProgress> second;
  ASSERT_TRUE(ScoreYear(Request(), second).ok());
  ASSERT_FALSE(second.empty());
  EXPECT_EQ(second.back().scored(), kReports);
  EXPECT_EQ(second.back().complete(), first.back().complete());
  // Nothing fetched again: every card came from the cache.
  EXPECT_EQ(ingest().get_calls(), kReports);
  EXPECT_TRUE(Coverage(std::string(score_cache::kAllCohort)).complete());
}

TEST_F(ScoreYearTest, FailedReportsAreCountedAndTheFirstHundredNamedOnce) {
  std::set<std::string> lost;
  for (size_t i = 0; i < year_reports_.size(); i += 10) {
    ingest().Lose(year_reports_[i]);
    lost.insert(year_reports_[i]);
  }
  ASSERT_EQ(lost.size(), 120u);
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::vector<v1::ScoreYearProgress> messages;
  ASSERT_OK(ScoreYear(Request(), messages));
  ASSERT_NO_FATAL_FAILURE(ExpectWellFormedStream(messages));
  EXPECT_EQ(messages.back().reports(), kReports);
  EXPECT_EQ(messages.back().failed(), 120);
  EXPECT_EQ(messages.back().scored(), kReports - 120);

  const std::map<std::string, int> named = NamedFailures(messages);
  EXPECT_EQ(named.size(), 100u);
  for (const auto& [report_id, times] : named) {
    EXPECT_EQ(lost.count(report_id), 1u) << report_id << " did not fail";
    EXPECT_EQ(times, 1) << report_id << " named " << times << " times";
  }
  for (const v1::ScoreYearProgress& message : messages) {
    for (const v1::ScoreYearFailure& failure : message.failures()) {
      EXPECT_TRUE(absl::StartsWith(failure.message(), "NOT_FOUND")) << failure.message();
      EXPECT_TRUE(absl::StrContains(failure.message(), failure.report_id())) << failure.message();
    }
  }

  const std::vector<std::optional<v1::CachedScoreCard>> cards = CachedCards(year_reports_);
  ASSERT_EQ(cards.size(), year_reports_.size());
  for (size_t i = 0; i < cards.size(); ++i) {
    EXPECT_EQ(cards[i].has_value(), lost.count(year_reports_[i]) == 0) << year_reports_[i];
  }
  const score_cache::CohortCoverage all = Coverage(std::string(score_cache::kAllCohort));
  EXPECT_EQ(all.ranked + all.unranked, kReports - 120);
  EXPECT_FALSE(all.complete());
}

TEST_F(ScoreYearTest, ReportsThatCannotBeCachedFail) {
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  ASSERT_TRUE(server().Stop().ok());
  std::vector<v1::ScoreYearProgress> messages;
  ASSERT_OK(ScoreYear(Request(), messages));
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages.back().failed(), kReports);
  EXPECT_EQ(messages.back().scored(), 0);
  ASSERT_GT(messages.front().failures_size(), 0);
  EXPECT_TRUE(absl::StartsWith(messages.front().failures(0).message(), "cache read: "))
      << messages.front().failures(0).message();
}

TEST_F(ScoreYearTest, WithoutACacheTheCallIsRefused) {
  ASSERT_NO_FATAL_FAILURE(StartScoring(/*with_cache=*/false));
  std::vector<v1::ScoreYearProgress> messages;
  const grpc::Status status = ScoreYear(Request(), messages);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(status.error_message(), "cache")) << status.error_message();
  EXPECT_TRUE(messages.empty());
  EXPECT_EQ(ingest().list_calls(), 0);
}

TEST_F(ScoreYearTest, BadRequestsAreRefused) {
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::vector<v1::ScoreYearProgress> messages;
  EXPECT_EQ(ScoreYear(Request(0), messages).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ScoreYear(Request(kYear, "no-such-scheme"), messages).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(messages.empty());
}

TEST_F(ScoreYearTest, AYearWithoutReportsIsDoneAtOnce) {
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::vector<v1::ScoreYearProgress> messages;
  ASSERT_TRUE(ScoreYear(Request(kYear + 1), messages).ok());
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages.front().done());
  EXPECT_EQ(messages.front().fiscal_year(), kYear + 1);
  EXPECT_EQ(messages.front().reports(), 0);
  EXPECT_EQ(ingest().list_calls(), 1);
}

TEST_F(ScoreYearTest, AFailedListingEndsTheCallWithItsError) {
  ingest().FailListing(absl::UnavailableError("the store is down"));
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::vector<v1::ScoreYearProgress> messages;
  const grpc::Status status = ScoreYear(Request(), messages);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(absl::StrContains(status.error_message(), "the store is down"))
      << status.error_message();
  for (const v1::ScoreYearProgress& message : messages) EXPECT_FALSE(message.done());
}

TEST_F(ScoreYearTest, ACancelledCallStopsAndFinishes) {
  ingest().HoldFetches();
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  std::unique_ptr<grpc::ClientReader<v1::ScoreYearProgress>> reader =
      stub_->ScoreYear(&context, Request());
  // Every report task of the call is waiting on ingest.
  ASSERT_TRUE(ingest().WaitForHeldFetches(kConcurrency, absl::Seconds(30)));
  context.TryCancel();
  v1::ScoreYearProgress progress;
  while (reader->Read(&progress)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  // The server finishes the call (the log line is written as it does) without
  // any fetch being answered: the cancellation reached them.
  EXPECT_TRUE(scoring_log_.WaitForLine({kScoreYearMethod, "cancelled=true"}, absl::Seconds(30)));
  // A task that raced the cancellation may have started one more fetch, but
  // the year was not worked through.
  EXPECT_LE(ingest().get_calls(), 2 * kConcurrency);
}

TEST_F(ScoreYearTest, TheCommandLineToolShowsProgressFailuresAndTheSummary) {
  ingest().Lose(year_reports_[3]);
  ASSERT_NO_FATAL_FAILURE(StartScoring());
  std::ostringstream out;
  std::ostringstream err;
  const int exit_code = cli::RunScoreYear(
      {"--year", absl::StrCat(kYear), "--scheme", kScheme, "--scoring", scoring_address_},
      cli::ScoreYearStreams{out, err});
  EXPECT_EQ(exit_code, 1) << "a report failed";
  EXPECT_TRUE(
      absl::StrContains(err.str(), absl::StrCat("FAILED ", year_reports_[3], ": NOT_FOUND")))
      << err.str();
  EXPECT_TRUE(absl::StrContains(err.str(), " reports scored, ")) << err.str();
  EXPECT_TRUE(
      absl::StrContains(out.str(), absl::StrCat(kYear, " under ", kScheme, " v1: ", kReports,
                                                " reports, ", kReports - 1, " scored (")))
      << out.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "), 1 failed, in ")) << out.str();
  EXPECT_TRUE(absl::StrContains(out.str(), absl::StrCat("  ", year_reports_[3], ": NOT_FOUND")))
      << out.str();

  // Again, all cached now but the lost one, as JSON.
  std::ostringstream json;
  err.str("");
  EXPECT_EQ(
      cli::RunScoreYear({"--year", absl::StrCat(kYear), "--scoring", scoring_address_, "--json"},
                        cli::ScoreYearStreams{json, err}),
      1);
  EXPECT_TRUE(absl::StrContains(json.str(), absl::StrCat("\"scored\": \"", kReports - 1, "\"")))
      << json.str();
  EXPECT_TRUE(absl::StrContains(json.str(), "\"done\": true")) << json.str();
  EXPECT_TRUE(absl::StrContains(json.str(), year_reports_[3])) << json.str();
}

TEST_F(ScoreYearTest, TheCommandLineToolSaysWhyTheCallFailed) {
  ASSERT_NO_FATAL_FAILURE(StartScoring(/*with_cache=*/false));
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(cli::RunScoreYear({"--year", absl::StrCat(kYear), "--scoring", scoring_address_},
                              cli::ScoreYearStreams{out, err}),
            1);
  EXPECT_TRUE(absl::StrContains(err.str(), "FAILED_PRECONDITION")) << err.str();
  EXPECT_TRUE(out.str().empty());
  EXPECT_EQ(cli::RunScoreYear({"--scoring", scoring_address_}, cli::ScoreYearStreams{out, err}), 2);
}

}  // namespace
}  // namespace jixiao::scoring
