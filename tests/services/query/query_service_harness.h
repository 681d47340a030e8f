#pragma once
// Everything a query service test talks to, all in this process: a private
// redis-server, a fake scoring service and the real ingest service (over an
// in-memory store) on loopback ports, and the query service itself (QueryEngine behind
// QueryServiceImpl, on its own ServerRunner), with helpers that write the cache as ingest and
// scoring do.
#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/platform/logging/recording_log_sink.h"
#include "common/platform/redis/redis_config.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/server/server_runner.h"
#include "jixiao/v1/query_service.grpc.pb.h"
#include "services/query/ingest_client.h"
#include "services/query/query_engine.h"
#include "services/query/query_service.h"
#include "services/query/scoring_client.h"
#include "tests/services/query/fake_scoring_service.h"
#include "tests/support/in_process_ingest.h"
#include "tests/support/redis_server.h"

namespace jixiao::query::testing {

inline constexpr char kSchemeId[] = "guangzhou-department";
// A scheme of project self-evaluations, loaded beside the department scheme.
inline constexpr char kProjectSchemeId[] = "mof-2021-101";
// Ingest's store lists at most this many reports per page, so that tests with
// a few reports still see several pages.
inline constexpr int kIngestPageSize = 2;

// What a department's scorecard looks like in a test.
struct CardSpec {
  std::string department_code;  // "440106:commerce"
  std::string department_name;
  std::string district_code;  // "440106"
  jixiao::v1::AdministrativeLevel level = jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT;
  std::vector<std::string> sector_tags = {"commerce"};
  int fiscal_year = 2023;
  int64_t version = 1;
  double total = 80;
  bool complete = true;
  // A project self-evaluation (with its project code) is scored under kProjectSchemeId.
  jixiao::v1::ReportKind kind = jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION;
  std::string project_code = "";
};

// A scorecard under scheme version 1 (the scheme of its kind) with two groups, a declared total 5
// above the recomputed one, and budget figures (initial 100 万元, adjusted 120, final 108).
jixiao::v1::ScoreCard MakeCard(const CardSpec& spec);

class QueryServiceHarness {
 public:
  // Starts everything; check ok() (and status()) before use. Requests may
  // name `cohorts`.
  explicit QueryServiceHarness(NamedCohorts cohorts = NamedCohorts());
  // Stops the query server first, then scoring and ingest, then Redis.
  ~QueryServiceHarness();

  const absl::Status& status() const { return status_; }

  jixiao::v1::QueryService::Stub& query() { return *query_stub_; }
  FakeScoringService& scoring() { return *fake_scoring_; }
  // Ingest's store, which counts the calls ingest makes for query.
  ::jixiao::testing::InstrumentedReportStore& ingest() { return ingest_->store(); }
  ::jixiao::testing::RedisServer& redis() { return *redis_; }
  logging::RecordingLogSink& query_log() { return query_log_; }

  // As ingest: publishes the card's report version to the catalog (and, with
  // `mark_ready`, marks the catalog ready), and stores the report so that
  // ListReports and scoring know it.
  absl::Status Publish(const jixiao::v1::ScoreCard& card, bool mark_ready = true);
  // As ingest, without the catalog: the report is stored (versions up to the
  // card's, the card's with its content hash), Redis not told. A failure fails
  // the test.
  void Store(const jixiao::v1::ScoreCard& card);
  absl::Status MarkCatalogReady();
  // As scoring: caches the card (computed `age` ago) and ranks it.
  absl::Status CacheAndRank(const jixiao::v1::ScoreCard& card,
                            absl::Duration age = absl::ZeroDuration());

  // After a Redis restart: polls until the test's own pool and the fake
  // scoring's answer again (their old connections died with the server).
  absl::Status WaitForRedis(absl::Duration patience);

  // Removes a cached scorecard, as an eviction or an expiry would.
  absl::Status EvictCard(const jixiao::v1::ScoreCard& card);

  // How often Redis has run a command ("mget", "zrange", ...) since it started.
  int64_t RedisCommandCalls(const std::string& command);

  // A client context with a generous deadline.
  static std::unique_ptr<grpc::ClientContext> Context();

 private:
  redis::RedisConfig RedisConfigForTest() const;

  absl::Status status_;
  logging::RecordingLogSink query_log_;
  logging::RecordingLogSink fakes_log_;
  std::unique_ptr<::jixiao::testing::RedisServer> redis_;
  std::unique_ptr<redis::RedisPool> seed_pool_;     // the test's own writes, as ingest and scoring
  std::unique_ptr<redis::RedisPool> scoring_pool_;  // the fake scoring's
  std::unique_ptr<redis::RedisPool> query_pool_;    // the query service's
  std::unique_ptr<server::ServerRunner> scoring_runner_;
  std::unique_ptr<FakeScoringService> fake_scoring_;
  std::unique_ptr<::jixiao::testing::InProcessIngest> ingest_;
  std::unique_ptr<ScoringClient> scoring_client_;
  std::unique_ptr<IngestClient> ingest_client_;
  std::unique_ptr<QueryEngine> engine_;
  std::unique_ptr<server::ServerRunner> query_runner_;
  std::unique_ptr<QueryServiceImpl> query_service_;
  std::unique_ptr<jixiao::v1::QueryService::Stub> query_stub_;
};

}  // namespace jixiao::query::testing
