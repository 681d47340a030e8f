// jixiao-scoring: scores stored reports under the schemes of a directory,
// caching scorecards and rankings in Redis. Stateless: run as many replicas as
// the load needs.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
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
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/scorecard_cache.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "services/scoring/service/ingest_report_source.h"
#include "services/scoring/service/scorecard_provider.h"
#include "services/scoring/service/scoring_service.h"

namespace {

namespace checks = jixiao::options;

// What scoring reads beyond the common server options.
struct ScoringSettings {
  std::string schemes_dir;
  std::string default_scheme = jixiao::scheme_resolution::kDefaultSchemeId;
  std::string ingest_address;
  std::string redis_url;
  std::string redis_password_file;
  absl::Duration cache_ttl = absl::Hours(168);
  int score_year_concurrency = 8;
};

void AddScoringOptions(checks::OptionSet& options, ScoringSettings& settings) {
  options
      .Add("--schemes", settings.schemes_dir,
           "directory of scheme files (*.textproto) and their published.lock", "JIXIAO_SCHEMES_DIR")
      ->type_name("DIR")
      ->check(checks::NonEmpty());
  options
      .Add("--default-scheme", settings.default_scheme, "scheme id used when a request names none",
           "JIXIAO_DEFAULT_SCHEME")
      ->type_name("ID")
      ->check(checks::NonEmpty());
  options
      .Add("--ingest", settings.ingest_address,
           "ingest service: HOST:PORT, or a dns:///, ipv4: or ipv6: target to balance calls over "
           "its replicas",
           "JIXIAO_INGEST_ADDRESS")
      ->type_name("TARGET")
      ->check(jixiao::server::ChannelTarget());
  options
      .Add("--redis", settings.redis_url,
           "redis://HOST[:PORT] of the score cache; empty: no cache (every answer computed)",
           "JIXIAO_REDIS_URL")
      ->type_name("URL")
      ->check(checks::Checked(jixiao::redis::CheckOptionalRedisUrl));
  jixiao::redis::AddRedisPasswordFileOption(options, settings.redis_password_file);
  options
      .AddDuration("--cache-ttl-hours", settings.cache_ttl, absl::Hours(1),
                   "how long a cached scorecard is kept (entries never go stale, they only age)",
                   "JIXIAO_CACHE_TTL_HOURS")
      ->type_name("HOURS")
      ->check(checks::IntInRange(1, 24 * 365));
  options
      .Add("--score-year-concurrency", settings.score_year_concurrency,
           "reports one ScoreYear call fetches and scores at once (on the worker pool)",
           "JIXIAO_SCORE_YEAR_CONCURRENCY")
      ->check(checks::IntInRange(1, 256));
}

}  // namespace

int main(int argc, char** argv) {
  ScoringSettings settings;
  jixiao::server::ServerOptions options(
      "jixiao-scoring",
      "Scores stored reports under the schemes of a directory, caching scorecards and rankings "
      "in Redis.",
      "127.0.0.1:50052");
  AddScoringOptions(options.set(), settings);
  const absl::StatusOr<jixiao::server::ServerConfig> config =
      jixiao::server::LoadServerConfig(options, argc, argv);
  if (std::optional<int> code = jixiao::server::ExitCodeForConfig(config, options)) return *code;
  const jixiao::logging::Logger logger(config->log_level);

  absl::StatusOr<jixiao::scoring::SchemeDirectory> schemes =
      jixiao::scoring::LoadSchemeDirectory(settings.schemes_dir);
  if (!schemes.ok()) {
    logger.Error("schemes_unreadable", {{"error", schemes.status().ToString()}});
    return 1;
  }
  for (const absl::Status& refused : schemes->refused) {
    logger.Error("scheme_refused", {{"error", refused.ToString()}});
  }
  const std::string& default_scheme = settings.default_scheme;
  if (schemes->schemes.Find(default_scheme, 0) == nullptr) {
    logger.Error("default_scheme_missing", {{"scheme", default_scheme}});
    return 1;
  }
  logger.Info("schemes_loaded", {{"count", schemes->schemes.size()},
                                 {"refused", schemes->refused.size()},
                                 {"default", default_scheme}});

  std::unique_ptr<jixiao::redis::RedisPool> redis_pool;
  std::unique_ptr<jixiao::score_cache::ScoreCardCache> cache;
  std::unique_ptr<jixiao::score_cache::RankingIndex> rankings;
  if (const std::string& url = settings.redis_url; !url.empty()) {
    absl::StatusOr<jixiao::redis::RedisConfig> redis_config =
        jixiao::redis::RedisConfigWithPassword(url, settings.redis_password_file);
    absl::StatusOr<std::unique_ptr<jixiao::redis::RedisPool>> pool =
        redis_config.ok() ? jixiao::redis::RedisPool::Create(*redis_config) : redis_config.status();
    if (!pool.ok()) {
      logger.Error("redis_config", {{"error", pool.status().ToString()}});
      return 2;
    }
    redis_pool = *std::move(pool);
    cache =
        std::make_unique<jixiao::score_cache::ScoreCardCache>(redis_pool.get(), settings.cache_ttl);
    rankings = std::make_unique<jixiao::score_cache::RankingIndex>(redis_pool.get());
  }

  absl::StatusOr<jixiao::transport::ChannelFactory> channels =
      jixiao::transport::ChannelFactory::Create(config->security);
  if (!channels.ok()) return jixiao::options::UsageError(options.set(), channels.status());
  jixiao::scoring::IngestReportSource ingest(channels->Open(settings.ingest_address),
                                             absl::Seconds(10));
  jixiao::server::ServerRunner runner(*config, logger);
  jixiao::scoring::ScoreCardProvider provider(&schemes->schemes, default_scheme, &ingest,
                                              cache.get(), rankings.get(), logger);
  jixiao::scoring::ScoreYearOptions score_year;
  score_year.concurrency = settings.score_year_concurrency;
  jixiao::scoring::ScoringServiceImpl service(
      &provider, &runner.workers(), score_year,
      jixiao::access::CallerAuthenticator(config->access_policy));
  runner.AddService(jixiao::v1::ScoringService::service_full_name(), &service);
  return runner.Run().ok() ? 0 : 1;
}
