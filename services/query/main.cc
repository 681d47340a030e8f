// jixiao-query: cross-district comparisons (jixiao.v1.QueryService), served
// from the score cache in Redis and computed through scoring (and ingest) when
// the cache misses, is not ready, or fails.
//
//   jixiao-query --redis redis://127.0.0.1:6379 --scoring 127.0.0.1:50052 --ingest 127.0.0.1:50051
//   JIXIAO_REDIS_URL=redis://cache:6379 JIXIAO_SCORING_ADDRESS=scoring:50052 jixiao-query
//
// Logs go to stderr, one key=value line per event; `event=listening port=N`
// says where the server listens. SIGTERM or SIGINT drains in-flight calls and
// exits 0. The channels to scoring and ingest connect lazily, so the services
// may start in any order.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "common/platform/logging/logger.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/redis/redis_url.h"
#include "common/platform/server/option_validators.h"
#include "common/platform/server/server_config.h"
#include "common/platform/server/server_runner.h"
#include "jixiao/v1/query_service.grpc.pb.h"
#include "services/query/cohorts_file.h"
#include "services/query/ingest_client.h"
#include "services/query/query_engine.h"
#include "services/query/query_service.h"
#include "services/query/scoring_client.h"

namespace {

constexpr char kProgram[] = "jixiao-query";

jixiao::server::OptionTable QueryOptions() {
  jixiao::server::OptionTable options = jixiao::server::CommonServerOptions();
  options.SetDefault("listen", "0.0.0.0:50053");
  // Required: query without its cache would score every answer from scratch,
  // which is never what a deployment wants by accident.
  options.Add({"redis", "JIXIAO_REDIS_URL", "redis://127.0.0.1:6379",
               "redis://HOST[:PORT] of the score cache; never empty: query always reads through it",
               [](absl::string_view url) {
                 if (url.empty()) return absl::InvalidArgumentError("must not be empty");
                 return jixiao::redis::RedisConfigFromUrl(url).status();
               }});
  options.Add({"cache-ttl-hours", "JIXIAO_CACHE_TTL_HOURS", "168",
               "how long a comparison row query derives from a scorecard is kept in Redis "
               "(set it as scoring's: a row outliving its card costs memory, not freshness)",
               jixiao::server::IntInRange(1, 24 * 365)});
  options.Add({"scoring", "JIXIAO_SCORING_ADDRESS", "127.0.0.1:50052", "scoring service HOST:PORT",
               jixiao::server::HostPort()});
  options.Add({"ingest", "JIXIAO_INGEST_ADDRESS", "127.0.0.1:50051", "ingest service HOST:PORT",
               jixiao::server::HostPort()});
  options.Add({"default-scheme", "JIXIAO_DEFAULT_SCHEME", "guangzhou-department",
               "scheme id used when a request names none", jixiao::server::NonEmpty()});
  options.Add({"scoring-concurrency", "JIXIAO_SCORING_CONCURRENCY", "16",
               "most ScoreReport calls one query keeps in flight on cache misses",
               jixiao::server::IntInRange(1, 256)});
  options.Add({"cohorts", "JIXIAO_COHORTS_FILE", "",
               "text file of named cohorts (jixiao.v1.CohortConfig, protobuf text format); "
               "empty: none. Read at start: edit it and restart to change a cohort",
               nullptr});
  options.Add({"downstream-timeout-seconds", "JIXIAO_DOWNSTREAM_TIMEOUT_SECONDS", "30",
               "bound on each call to scoring or ingest, and on one query's concurrent "
               "scoring calls, when the caller's deadline is later or unset",
               jixiao::server::IntInRange(1, 3600)});
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jixiao;

  const server::OptionTable options = QueryOptions();
  const absl::StatusOr<server::ServerConfig> config = server::LoadServerConfig(options, argc, argv);
  if (std::optional<int> code = server::ExitCodeForConfig(config, options, kProgram)) return *code;
  const logging::Logger logger(config->log_level);

  // The validator accepted the URL; the pool does not connect yet, so Redis may be down.
  absl::StatusOr<std::unique_ptr<redis::RedisPool>> redis_pool =
      redis::RedisPool::Create(*redis::RedisConfigFromUrl(config->options.Get("redis")));
  if (!redis_pool.ok()) {
    logger.Error("redis_config", {{"error", redis_pool.status().ToString()}});
    return 2;
  }

  // Created once for the life of the process (docs/architecture.md).
  query::ScoringClient scoring(
      grpc::CreateChannel(config->options.Get("scoring"), grpc::InsecureChannelCredentials()),
      static_cast<int>(config->options.GetInt("scoring-concurrency")));
  query::IngestClient ingest(
      grpc::CreateChannel(config->options.Get("ingest"), grpc::InsecureChannelCredentials()));

  query::QueryEngineOptions engine_options;
  engine_options.default_scheme_id = config->options.Get("default-scheme");
  engine_options.downstream_timeout =
      absl::Seconds(config->options.GetInt("downstream-timeout-seconds"));
  engine_options.row_ttl = absl::Hours(config->options.GetInt("cache-ttl-hours"));
  if (const std::string path = config->options.Get("cohorts"); !path.empty()) {
    absl::StatusOr<query::NamedCohorts> cohorts = query::LoadNamedCohorts(path);
    if (!cohorts.ok()) {
      logger.Error("cohorts_config", {{"file", path}, {"error", cohorts.status().ToString()}});
      return 2;
    }
    engine_options.cohorts = *std::move(cohorts);
    logger.Info(
        "cohorts_loaded",
        {{"file", path}, {"cohorts", std::to_string(engine_options.cohorts.cohorts().size())}});
  }
  query::QueryEngine engine(engine_options, redis_pool->get(), &scoring, &ingest, logger);

  // Declared after everything the service uses, so that the server stops first.
  server::ServerRunner runner(*config, logger);
  query::QueryServiceImpl service(runner.workers(), engine);
  runner.AddService(jixiao::v1::QueryService::service_full_name(), &service);
  logger.Info("query_configured", {{"scoring", config->options.Get("scoring")},
                                   {"ingest", config->options.Get("ingest")},
                                   {"default_scheme", engine_options.default_scheme_id}});
  if (absl::Status status = runner.Run(); !status.ok()) {
    logger.Error("server_failed", {{"error", status.ToString()}});
    return 1;
  }
  return 0;
}
