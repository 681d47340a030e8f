// jixiao-scoring: scores stored reports under the schemes of a directory,
// caching scorecards and rankings in Redis. Stateless: run as many replicas as
// the load needs.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/platform/logging/logger.h"
#include "common/platform/redis/redis_pool.h"
#include "common/platform/redis/redis_url.h"
#include "common/platform/server/option_validators.h"
#include "common/platform/server/server_config.h"
#include "common/platform/server/server_runner.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/scorecard_cache.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "services/scoring/service/ingest_report_source.h"
#include "services/scoring/service/scorecard_provider.h"
#include "services/scoring/service/scoring_service.h"

namespace {

using jixiao::server::OptionTable;

OptionTable ScoringOptions() {
  OptionTable options = jixiao::server::CommonServerOptions();
  options.SetDefault("listen", "0.0.0.0:50052");
  options.Add({"schemes", "JIXIAO_SCHEMES_DIR", "",
               "directory of scheme files (*.textproto) and their published.lock",
               jixiao::server::NonEmpty()});
  options.Add({"default-scheme", "JIXIAO_DEFAULT_SCHEME", "guangzhou-department",
               "scheme id used when a request names none", jixiao::server::NonEmpty()});
  options.Add({"ingest", "JIXIAO_INGEST_ADDRESS", "", "ingest service HOST:PORT",
               jixiao::server::HostPort()});
  options.Add({"redis", "JIXIAO_REDIS_URL", "",
               "redis://HOST[:PORT] of the score cache; empty: no cache (every answer computed)",
               jixiao::redis::CheckOptionalRedisUrl});
  options.Add({"cache-ttl-hours", "JIXIAO_CACHE_TTL_HOURS", "168",
               "how long a cached scorecard is kept (entries never go stale, they only age)",
               jixiao::server::IntInRange(1, 24 * 365)});
  options.Add({"score-year-concurrency", "JIXIAO_SCORE_YEAR_CONCURRENCY", "8",
               "reports one ScoreYear call fetches and scores at once (on the worker pool)",
               jixiao::server::IntInRange(1, 256)});
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const OptionTable options = ScoringOptions();
  const absl::StatusOr<jixiao::server::ServerConfig> config =
      jixiao::server::LoadServerConfig(options, argc, argv);
  if (std::optional<int> code =
          jixiao::server::ExitCodeForConfig(config, options, "jixiao-scoring")) {
    return *code;
  }
  const jixiao::logging::Logger logger(config->log_level);

  absl::StatusOr<jixiao::scoring::SchemeDirectory> schemes =
      jixiao::scoring::LoadSchemeDirectory(config->options.Get("schemes"));
  if (!schemes.ok()) {
    logger.Error("schemes_unreadable", {{"error", schemes.status().ToString()}});
    return 1;
  }
  for (const absl::Status& refused : schemes->refused) {
    logger.Error("scheme_refused", {{"error", refused.ToString()}});
  }
  const std::string default_scheme = config->options.Get("default-scheme");
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
  if (const std::string& url = config->options.Get("redis"); !url.empty()) {
    absl::StatusOr<std::unique_ptr<jixiao::redis::RedisPool>> pool =
        jixiao::redis::RedisPool::Create(*jixiao::redis::RedisConfigFromUrl(url));
    if (!pool.ok()) {
      logger.Error("redis_config", {{"error", pool.status().ToString()}});
      return 2;
    }
    redis_pool = *std::move(pool);
    cache = std::make_unique<jixiao::score_cache::ScoreCardCache>(
        redis_pool.get(), absl::Hours(config->options.GetInt("cache-ttl-hours")));
    rankings = std::make_unique<jixiao::score_cache::RankingIndex>(redis_pool.get());
  }

  jixiao::scoring::IngestReportSource ingest(config->options.Get("ingest"), absl::Seconds(10));
  jixiao::server::ServerRunner runner(*config, logger);
  jixiao::scoring::ScoreCardProvider provider(&schemes->schemes, default_scheme, &ingest,
                                              cache.get(), rankings.get(), logger);
  jixiao::scoring::ScoreYearOptions score_year;
  score_year.concurrency = static_cast<int>(config->options.GetInt("score-year-concurrency"));
  jixiao::scoring::ScoringServiceImpl service(&provider, &runner.workers(), score_year);
  runner.AddService(jixiao::v1::ScoringService::service_full_name(), &service);
  return runner.Run().ok() ? 0 : 1;
}
