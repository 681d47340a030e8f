#include "tests/services/query/query_service_harness.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/domain/report_id/report_id.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/report_catalog.h"
#include "common/score_cache/scorecard_cache.h"
#include "gtest/gtest.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"

namespace jixiao::query::testing {
namespace {

server::ServerConfig LoopbackServerConfig() {
  server::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.workers = 8;
  config.worker_queue = 64;
  config.drain = absl::Seconds(5);
  return config;
}

jixiao::v1::Scheme TestScheme(const std::string& id, jixiao::v1::ReportKind kind) {
  jixiao::v1::Scheme scheme;
  scheme.set_id(id);
  scheme.set_version(1);
  scheme.set_content_hash("scheme-hash-1");
  scheme.set_report_kind(kind);
  return scheme;
}

// Starts a runner, or says why it did not.
absl::StatusOr<int> StartRunner(server::ServerRunner& runner) { return runner.Start(); }

}  // namespace

jixiao::v1::ScoreCard MakeCard(const CardSpec& spec) {
  jixiao::v1::ScoreCard card;
  const std::string report_id =
      report_id::Format(spec.department_code, spec.fiscal_year, spec.kind, spec.project_code);
  card.mutable_report()->set_report_id(report_id);
  card.mutable_report()->set_version(spec.version);
  card.mutable_report()->set_content_hash(absl::StrCat("content-", report_id, "@", spec.version));
  card.mutable_scheme()->set_id(
      spec.kind == jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION ? kProjectSchemeId : kSchemeId);
  card.mutable_scheme()->set_version(1);
  card.mutable_scheme()->set_content_hash("scheme-hash-1");
  jixiao::v1::Department* department = card.mutable_department();
  department->set_code(spec.department_code);
  department->set_name(spec.department_name.empty() ? spec.department_code : spec.department_name);
  department->mutable_district()->set_code(spec.district_code);
  department->set_level(spec.level);
  for (const std::string& tag : spec.sector_tags) department->add_sector_tags(tag);
  card.set_fiscal_year(spec.fiscal_year);
  jixiao::v1::ScoreGroup* output = card.add_groups();
  output->set_code("output");
  output->set_points(spec.total * 0.4);
  jixiao::v1::ScoreGroup* effect = card.add_groups();
  effect->set_code("effect");
  effect->set_points(spec.total * 0.6);
  card.set_total(spec.total);
  card.set_max(100);
  card.set_grade(spec.total >= 90 ? "优" : "良");
  card.set_complete(spec.complete);
  if (!spec.complete) card.add_missing("effect.satisfaction");
  card.set_declared_total(spec.total + 5);
  card.set_declared_grade("优");
  card.mutable_budget_initial()->set_fen(100'000'000);
  card.mutable_budget_adjusted()->set_fen(120'000'000);
  card.mutable_budget_final()->set_fen(108'000'000);
  return card;
}

QueryServiceHarness::QueryServiceHarness(NamedCohorts cohorts) {
  absl::StatusOr<std::unique_ptr<::jixiao::testing::RedisServer>> redis =
      ::jixiao::testing::RedisServer::Start();
  if (!redis.ok()) {
    status_ = redis.status();
    return;
  }
  redis_ = *std::move(redis);
  for (std::unique_ptr<redis::RedisPool>* pool : {&seed_pool_, &scoring_pool_, &query_pool_}) {
    absl::StatusOr<std::unique_ptr<redis::RedisPool>> created =
        redis::RedisPool::Create(RedisConfigForTest());
    if (!created.ok()) {
      status_ = created.status();
      return;
    }
    *pool = *std::move(created);
  }

  const logging::Logger fakes_logger(logging::LogLevel::kWarn, &fakes_log_);
  scoring_runner_ = std::make_unique<server::ServerRunner>(LoopbackServerConfig(), fakes_logger);
  fake_scoring_ =
      std::make_unique<FakeScoringService>(scoring_runner_->workers(), scoring_pool_.get());
  fake_scoring_->AddScheme(
      TestScheme(kSchemeId, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION));
  fake_scoring_->AddScheme(
      TestScheme(kProjectSchemeId, jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION));
  scoring_runner_->AddService(jixiao::v1::ScoringService::service_full_name(), fake_scoring_.get());
  absl::StatusOr<int> scoring_port = StartRunner(*scoring_runner_);
  if (!scoring_port.ok()) {
    status_ = scoring_port.status();
    return;
  }

  ::jixiao::testing::InProcessIngest::Options ingest_options;
  ingest_options.logger = fakes_logger;
  absl::StatusOr<std::unique_ptr<::jixiao::testing::InProcessIngest>> ingest =
      ::jixiao::testing::InProcessIngest::Start(ingest_options);
  if (!ingest.ok()) {
    status_ = ingest.status();
    return;
  }
  ingest_ = *std::move(ingest);
  ingest_->store().LimitPageSize(kIngestPageSize);

  scoring_client_ =
      std::make_unique<ScoringClient>(grpc::CreateChannel(absl::StrCat("127.0.0.1:", *scoring_port),
                                                          grpc::InsecureChannelCredentials()),
                                      /*max_in_flight=*/4);
  ingest_client_ = std::make_unique<IngestClient>(
      grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  const logging::Logger query_logger(logging::LogLevel::kInfo, &query_log_);
  QueryEngineOptions options;
  options.default_scheme_id = kSchemeId;
  options.downstream_timeout = absl::Seconds(10);
  options.cohorts = std::move(cohorts);
  engine_ = std::make_unique<QueryEngine>(options, query_pool_.get(), scoring_client_.get(),
                                          ingest_client_.get(), query_logger);
  query_runner_ = std::make_unique<server::ServerRunner>(LoopbackServerConfig(), query_logger);
  query_service_ = std::make_unique<QueryServiceImpl>(query_runner_->workers(), *engine_);
  query_runner_->AddService(jixiao::v1::QueryService::service_full_name(), query_service_.get());
  absl::StatusOr<int> query_port = StartRunner(*query_runner_);
  if (!query_port.ok()) {
    status_ = query_port.status();
    return;
  }
  query_stub_ = jixiao::v1::QueryService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", *query_port), grpc::InsecureChannelCredentials()));
}

QueryServiceHarness::~QueryServiceHarness() {
  // The query server calls scoring and ingest, so it stops first; each service
  // then outlives the server that ran it.
  for (server::ServerRunner* runner : {query_runner_.get(), scoring_runner_.get()}) {
    if (runner == nullptr) continue;
    runner->RequestShutdown();
    runner->Wait();
  }
  ingest_.reset();
}

redis::RedisConfig QueryServiceHarness::RedisConfigForTest() const {
  return redis::TestRedisConfig(*redis_);
}

absl::Status QueryServiceHarness::Publish(const jixiao::v1::ScoreCard& card, bool mark_ready) {
  Store(card);
  score_cache::CatalogEntry entry;
  entry.report_id = card.report().report_id();
  entry.version = card.report().version();
  entry.fiscal_year = card.fiscal_year();
  entry.department = card.department();
  score_cache::ReportCatalog catalog(seed_pool_.get());
  if (absl::Status status = catalog.Publish({&entry, 1}); !status.ok()) return status;
  return mark_ready ? catalog.MarkReady() : absl::OkStatus();
}

void QueryServiceHarness::Store(const jixiao::v1::ScoreCard& card) {
  fake_scoring_->AddCard(card);
  const std::string& report_id = card.report().report_id();
  jixiao::v1::EvaluationReport report;
  report.set_report_id(report_id);
  report.set_kind(score_cache::KindOfReportId(report_id));
  report.set_fiscal_year(card.fiscal_year());
  *report.mutable_department() = card.department();
  // Ingest numbers versions itself: earlier ones are stored first, each with
  // content of its own, so that the card's version is the latest.
  absl::StatusOr<ingest::StoredReport> latest = ingest_->store().GetReport(report_id, 0);
  int64_t next = latest.ok() ? latest->ref.version() + 1 : 1;
  for (; next <= card.report().version(); ++next) {
    // The store needs a hash; a card may come without one.
    const bool cards_version =
        next == card.report().version() && !card.report().content_hash().empty();
    const std::string content_hash = cards_version ? card.report().content_hash()
                                                   : absl::StrCat("content-", report_id, "@", next);
    ASSERT_OK_AND_ASSIGN(ingest::PutOutcome stored, ingest_->Put(report, content_hash));
    ASSERT_EQ(stored.ref.version(), next) << report_id;
  }
}

absl::Status QueryServiceHarness::MarkCatalogReady() {
  return score_cache::ReportCatalog(seed_pool_.get()).MarkReady();
}

absl::Status QueryServiceHarness::CacheAndRank(const jixiao::v1::ScoreCard& card,
                                               absl::Duration age) {
  jixiao::v1::CachedScoreCard entry;
  *entry.mutable_scorecard() = card;
  entry.set_computed_at_unix_ms(absl::ToUnixMillis(absl::Now() - age));
  if (absl::Status status =
          score_cache::ScoreCardCache(seed_pool_.get(), absl::Hours(1)).Put(entry);
      !status.ok()) {
    return status;
  }
  absl::StatusOr<bool> ranked = score_cache::RankingIndex(seed_pool_.get()).Add(card);
  if (!ranked.ok()) return ranked.status();
  return *ranked ? absl::OkStatus()
                 : absl::FailedPreconditionError(
                       absl::StrCat(card.report().report_id(), " is not the published version"));
}

absl::Status QueryServiceHarness::WaitForRedis(absl::Duration patience) {
  const absl::Time deadline = absl::Now() + patience;
  const absl::string_view ping[] = {"PING"};
  for (redis::RedisPool* pool : {seed_pool_.get(), scoring_pool_.get()}) {
    absl::Status status = pool->Command(ping).status();
    while (!status.ok() && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(5));  // polling interval, not synchronization
      status = pool->Command(ping).status();
    }
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status QueryServiceHarness::EvictCard(const jixiao::v1::ScoreCard& card) {
  const std::string key =
      score_cache::ScoreCardKey(card.scheme(), card.report().report_id(), card.report().version());
  return seed_pool_->Command({"DEL", key}).status();
}

int64_t QueryServiceHarness::RedisCommandCalls(const std::string& command) {
  const absl::string_view args[] = {"INFO", "commandstats"};
  absl::StatusOr<redis::RedisReply> reply = seed_pool_->Command(args);
  if (!reply.ok() || !reply->is_string()) return -1;
  // Lines such as "cmdstat_mget:calls=3,usec=..."
  const std::string prefix = absl::StrCat("cmdstat_", command, ":calls=");
  for (absl::string_view line : absl::StrSplit(reply->str(), "\r\n")) {
    if (!absl::StartsWith(line, prefix)) continue;
    line.remove_prefix(prefix.size());
    int64_t calls = 0;
    if (absl::SimpleAtoi(line.substr(0, line.find(',')), &calls)) return calls;
  }
  return 0;
}

std::unique_ptr<grpc::ClientContext> QueryServiceHarness::Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

}  // namespace jixiao::query::testing
