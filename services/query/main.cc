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

#include <memory>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "common/domain/scheme_resolution/default_scheme.h"
#include "common/platform/access/caller_authenticator.h"
#include "common/platform/logging/logger.h"
#include "common/platform/options/option_checks.h"
#include "common/platform/redis/redis_password.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/redis/redis_url.h"
#include "common/platform/server/option_validators.h"
#include "common/platform/server/server_config.h"
#include "common/platform/server/server_runner.h"
#include "common/platform/transport/transport_security.h"
#include "jixiao/v1/query_service.grpc.pb.h"
#include "services/query/cohorts_file.h"
#include "services/query/ingest_client.h"
#include "services/query/query_engine.h"
#include "services/query/query_service.h"
#include "services/query/scoring_client.h"

namespace {

constexpr char kProgram[] = "jixiao-query";

namespace checks = jixiao::options;

// What query reads beyond the common server options.
struct QuerySettings {
  std::string redis_url = "redis://127.0.0.1:6379";
  std::string redis_password_file;
  absl::Duration row_ttl = absl::Hours(168);
  std::string scoring_address = "127.0.0.1:50052";
  std::string ingest_address = "127.0.0.1:50051";
  std::string default_scheme = jixiao::scheme_resolution::kDefaultSchemeId;
  int scoring_concurrency = 16;
  std::string cohorts_file;
  absl::Duration downstream_timeout = absl::Seconds(30);
};

void AddQueryOptions(checks::OptionSet& options, QuerySettings& settings) {
  // Required: query without its cache would score every answer from scratch,
  // which is never what a deployment wants by accident.
  options
      .Add("--redis", settings.redis_url,
           "redis://HOST[:PORT] of the score cache; never empty: query always reads through it",
           "JIXIAO_REDIS_URL")
      ->type_name("URL")
      ->check(checks::Checked([](absl::string_view url) {
        if (url.empty()) return absl::InvalidArgumentError("must not be empty");
        return jixiao::redis::RedisConfigFromUrl(url).status();
      }));
  jixiao::redis::AddRedisPasswordFileOption(options, settings.redis_password_file);
  options
      .AddDuration("--cache-ttl-hours", settings.row_ttl, absl::Hours(1),
                   "how long a comparison row query derives from a scorecard is kept in Redis "
                   "(set it as scoring's: a row outliving its card costs memory, not freshness)",
                   "JIXIAO_CACHE_TTL_HOURS")
      ->type_name("HOURS")
      ->check(checks::IntInRange(1, 24 * 365));
  options
      .Add("--scoring", settings.scoring_address,
           "scoring service: HOST:PORT, or a dns:///, ipv4: or ipv6: target to balance calls "
           "over its replicas",
           "JIXIAO_SCORING_ADDRESS")
      ->type_name("TARGET")
      ->check(jixiao::server::ChannelTarget());
  options
      .Add("--ingest", settings.ingest_address,
           "ingest service: HOST:PORT, or a dns:///, ipv4: or ipv6: target to balance calls over "
           "its replicas",
           "JIXIAO_INGEST_ADDRESS")
      ->type_name("TARGET")
      ->check(jixiao::server::ChannelTarget());
  options
      .Add("--default-scheme", settings.default_scheme, "scheme id used when a request names none",
           "JIXIAO_DEFAULT_SCHEME")
      ->type_name("ID")
      ->check(checks::NonEmpty());
  options
      .Add("--scoring-concurrency", settings.scoring_concurrency,
           "most ScoreReport calls one query keeps in flight on cache misses",
           "JIXIAO_SCORING_CONCURRENCY")
      ->check(checks::IntInRange(1, 256));
  options
      .Add("--cohorts", settings.cohorts_file,
           "text file of named cohorts (jixiao.v1.CohortConfig, protobuf text format); "
           "empty: none. Read at start: edit it and restart to change a cohort",
           "JIXIAO_COHORTS_FILE")
      ->type_name("FILE");
  options
      .AddDuration("--downstream-timeout-seconds", settings.downstream_timeout, absl::Seconds(1),
                   "bound on each call to scoring or ingest, and on one query's concurrent "
                   "scoring calls, when the caller's deadline is later or unset",
                   "JIXIAO_DOWNSTREAM_TIMEOUT_SECONDS")
      ->type_name("SECONDS")
      ->check(checks::IntInRange(1, 3600));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jixiao;

  QuerySettings settings;
  server::ServerOptions options(kProgram,
                                "Cross-district comparisons, served from the score cache in Redis.",
                                "127.0.0.1:50053");
  AddQueryOptions(options.set(), settings);
  const absl::StatusOr<server::ServerConfig> config = server::LoadServerConfig(options, argc, argv);
  if (std::optional<int> code = server::ExitCodeForConfig(config, options)) return *code;
  const logging::Logger logger(config->log_level);

  // The validator accepted the URL; the pool does not connect yet, so Redis may be down.
  absl::StatusOr<redis::RedisConfig> redis_config =
      redis::RedisConfigWithPassword(settings.redis_url, settings.redis_password_file);
  absl::StatusOr<std::unique_ptr<redis::RedisPool>> redis_pool =
      redis_config.ok() ? redis::RedisPool::Create(*redis_config) : redis_config.status();
  if (!redis_pool.ok()) {
    logger.Error("redis_config", {{"error", redis_pool.status().ToString()}});
    return 2;
  }

  // Created once for the life of the process (docs/architecture.md).
  absl::StatusOr<transport::ChannelFactory> channels =
      transport::ChannelFactory::Create(config->security);
  if (!channels.ok()) return options::UsageError(options.set(), channels.status());
  query::ScoringClient scoring(channels->Open(settings.scoring_address),
                               settings.scoring_concurrency);
  query::IngestClient ingest(channels->Open(settings.ingest_address));

  query::QueryEngineOptions engine_options;
  engine_options.default_scheme_id = settings.default_scheme;
  engine_options.downstream_timeout = settings.downstream_timeout;
  engine_options.row_ttl = settings.row_ttl;
  if (const std::string& path = settings.cohorts_file; !path.empty()) {
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
  query::QueryServiceImpl service(runner.workers(), engine,
                                  access::CallerAuthenticator(config->access_policy));
  runner.AddService(jixiao::v1::QueryService::service_full_name(), &service);
  logger.Info("query_configured", {{"scoring", settings.scoring_address},
                                   {"ingest", settings.ingest_address},
                                   {"default_scheme", engine_options.default_scheme_id}});
  if (absl::Status status = runner.Run(); !status.ok()) {
    logger.Error("server_failed", {{"error", status.ToString()}});
    return 1;
  }
  return 0;
}
