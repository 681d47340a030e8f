// jixiao-ingest: validates, normalizes and durably stores evaluation reports
// and project target tables (jixiao.v1.IngestService).
//
//   jixiao-ingest --store sqlite:///var/lib/jixiao/ingest.db
//   JIXIAO_STORE=postgresql://jixiao@db:5432/jixiao
//       jixiao-ingest --listen 0.0.0.0:50051 --allow-plaintext   # off loopback
//
// Logs go to stderr, one key=value line per event; `event=listening port=N`
// says where the server listens (port 0 picks one). Nothing goes to stdout but
// --help. SIGTERM or SIGINT drains in-flight calls and exits 0.

#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_split.h"
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
#include "common/score_cache/report_catalog.h"
#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "services/ingest/publish/catalog_publisher.h"
#include "services/ingest/publish/catalog_sync.h"
#include "services/ingest/publish/rescore_dispatcher.h"
#include "services/ingest/service/ingest_service.h"
#include "services/ingest/service/report_commit_queue.h"
#include "services/ingest/service/report_publisher.h"
#include "services/ingest/store/measured_report_store.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/sqlite_backup.h"
#include "services/ingest/store/store_url.h"

namespace {

namespace ingest = jixiao::ingest;
namespace logging = jixiao::logging;
namespace server = jixiao::server;
namespace access = jixiao::access;
namespace transport = jixiao::transport;

constexpr char kProgram[] = "jixiao-ingest";

// What ingest reads beyond the common server options.
struct IngestSettings {
  std::string store;
  int commit_batch = 256;
  std::string redis_url;
  std::string redis_password_file;
  std::string scoring_address;
  std::string rescore_schemes = jixiao::scheme_resolution::kDefaultSchemeId;
  absl::Duration catalog_check = absl::Seconds(2);
  // Maintenance: do one thing to the store and exit instead of serving.
  std::string backup_file;
  bool migrate_only = false;
};

void AddIngestOptions(jixiao::options::OptionSet& options, IngestSettings& settings) {
  namespace checks = jixiao::options;
  // No default: data must not land somewhere by accident. No check either: its
  // message would repeat a bad value, and a PostgreSQL URL may hold a password.
  // main checks it instead.
  options
      .Add("--store", settings.store,
           "where reports live: sqlite:///absolute/path.db, sqlite::memory: or "
           "postgresql://user@host:port/db (required)",
           "JIXIAO_STORE")
      ->type_name("URL");
  options
      .Add("--commit-batch", settings.commit_batch,
           "most reports stored together in one durable commit", "JIXIAO_COMMIT_BATCH")
      ->check(checks::IntInRange(1, 100000));
  options
      .Add("--redis", settings.redis_url,
           "redis://HOST[:PORT] of the score cache, where each acknowledged version is "
           "published; empty: none (then no cache may be used by scoring or query either)",
           "JIXIAO_REDIS_URL")
      ->type_name("URL")
      ->check(checks::Checked(jixiao::redis::CheckOptionalRedisUrl));
  jixiao::redis::AddRedisPasswordFileOption(options, settings.redis_password_file);
  options
      .Add("--scoring", settings.scoring_address,
           "scoring service (HOST:PORT, or a dns:///, ipv4: or ipv6: target), asked to "
           "rescore new versions in the background; empty: no background rescoring",
           "JIXIAO_SCORING_ADDRESS")
      ->type_name("TARGET")
      ->check(jixiao::server::OptionalChannelTarget());
  options
      .Add("--rescore-schemes", settings.rescore_schemes,
           "comma-separated scheme ids each new version is rescored under",
           "JIXIAO_RESCORE_SCHEMES")
      ->type_name("IDS")
      ->check(checks::NonEmpty());
  options
      .AddDuration("--catalog-check-seconds", settings.catalog_check, absl::Seconds(1),
                   "how often the Redis catalog is checked (and republished after a Redis "
                   "restart)",
                   "JIXIAO_CATALOG_CHECK_SECONDS")
      ->type_name("SECONDS")
      ->check(checks::IntInRange(1, 3600));
  options
      .Add("--backup", settings.backup_file,
           "copy the SQLite store, consistent as of one moment, to FILE while ingest keeps "
           "running, then exit (FILE must not exist)")
      ->type_name("FILE");
  options.AddFlag("--migrate-only", settings.migrate_only,
                  "bring the store's schema up to date, then exit (a deployment's migration job)");
}

// --backup: the exit code of copying the SQLite store to settings.backup_file.
int BackUpStore(const ingest::StoreLocation& location, const IngestSettings& settings,
                const logging::Logger& logger) {
  if (location.backend != ingest::StoreLocation::Backend::kSqlite) {
    logger.Error("backup_failed", {{"error",
                                    "--backup copies a SQLite store; back PostgreSQL up with "
                                    "pg_dump or its operator's backups (docs/operations.md)"}});
    return 2;
  }
  int64_t last_logged_percent = -10;  // so that the first tenth is logged too
  const absl::Status copied = ingest::BackupSqliteStore(
      location.sqlite_path, settings.backup_file, [&](const ingest::BackupProgress& progress) {
        const int64_t percent =
            progress.pages_total > 0 ? progress.pages_copied * 100 / progress.pages_total : 100;
        if (percent / 10 == last_logged_percent / 10) return;  // every tenth is enough
        last_logged_percent = percent;
        logger.Info("backup_progress", {{"pages_copied", progress.pages_copied},
                                        {"pages_total", progress.pages_total},
                                        {"percent", percent}});
      });
  if (!copied.ok()) {
    logger.Error("backup_failed", {{"error", copied.ToString()}});
    return 1;
  }
  logger.Info("backup_done", {{"file", settings.backup_file}});
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  IngestSettings settings;
  server::ServerOptions options(
      kProgram, "Validates, normalizes and durably stores evaluation reports and target tables.",
      "127.0.0.1:50051");
  AddIngestOptions(options.set(), settings);
  absl::StatusOr<server::ServerConfig> config = server::LoadServerConfig(options, argc, argv);
  if (std::optional<int> code = server::ExitCodeForConfig(config, options)) return *code;

  const std::string& store_url = settings.store;
  absl::StatusOr<ingest::StoreLocation> location = ingest::ParseStoreUrl(store_url);
  if (store_url.empty()) {
    return jixiao::options::UsageError(
        options.set(), absl::InvalidArgumentError(
                           "no store given: pass --store URL or set JIXIAO_STORE "
                           "(sqlite:///absolute/path.db, sqlite::memory: or postgresql://...)"));
  }
  if (!location.ok()) return jixiao::options::UsageError(options.set(), location.status());

  const logging::Logger logger(config->log_level);
  if (!settings.backup_file.empty()) return BackUpStore(*location, settings, logger);
  absl::StatusOr<transport::ChannelFactory> channels =
      transport::ChannelFactory::Create(config->security);
  if (!channels.ok()) return jixiao::options::UsageError(options.set(), channels.status());
  absl::StatusOr<std::unique_ptr<ingest::ReportStore>> store = ingest::OpenReportStore(store_url);
  if (!store.ok()) {
    // The status never repeats a PostgreSQL URL (report_store.h).
    logger.Error("store_open_failed", {{"error", store.status().ToString()}});
    return 1;
  }
  if (settings.migrate_only) {  // opening the store brought its schema up to date
    logger.Info("store_migrated");
    return 0;
  }
  *store = std::make_unique<ingest::MeasuredReportStore>(*std::move(store));
  logger.Info(
      "store_opened",
      {{"backend",
        location->backend == ingest::StoreLocation::Backend::kSqlite ? "sqlite" : "postgresql"}});
  ingest::ReportCommitQueue commit_queue(store->get(), static_cast<size_t>(settings.commit_batch));

  // ---- The publisher: what happens to a report after its durable commit and
  // before the acknowledgement (report_publisher.h): its version goes to the
  // Redis catalog, and scoring is asked to rescore it. Everything here must
  // outlive `service` below, which it does by being declared before it.
  std::unique_ptr<jixiao::redis::RedisPool> redis_pool;
  std::unique_ptr<jixiao::score_cache::ReportCatalog> catalog;
  // The dispatcher outlives the sync, whose thread queues rescoring into it.
  std::unique_ptr<ingest::RescoreDispatcher> rescore;
  std::unique_ptr<ingest::CatalogSync> catalog_sync;
  std::unique_ptr<ingest::ReportPublisher> publisher;
  if (const std::string& redis_url = settings.redis_url; !redis_url.empty()) {
    absl::StatusOr<jixiao::redis::RedisConfig> redis_config =
        jixiao::redis::RedisConfigWithPassword(redis_url, settings.redis_password_file);
    absl::StatusOr<std::unique_ptr<jixiao::redis::RedisPool>> pool =
        redis_config.ok() ? jixiao::redis::RedisPool::Create(*redis_config) : redis_config.status();
    if (!pool.ok()) {
      logger.Error("redis_config", {{"error", pool.status().ToString()}});
      return 2;
    }
    redis_pool = *std::move(pool);
    catalog = std::make_unique<jixiao::score_cache::ReportCatalog>(redis_pool.get());
    if (const std::string& scoring = settings.scoring_address; !scoring.empty()) {
      ingest::RescoreOptions rescore_options;
      rescore_options.scheme_ids = absl::StrSplit(settings.rescore_schemes, ',', absl::SkipEmpty());
      rescore = std::make_unique<ingest::RescoreDispatcher>(channels->Open(scoring),
                                                            rescore_options, logger);
    }
    catalog_sync = std::make_unique<ingest::CatalogSync>(store->get(), catalog.get(), rescore.get(),
                                                         settings.catalog_check, logger);
    publisher = std::make_unique<ingest::CatalogPublisher>(catalog.get(), catalog_sync.get(),
                                                           rescore.get(), logger);
  }
  // ---- end of the publisher.

  // Declared after the store, the queue and the publisher, so that the server
  // and the service stop before what they use goes away.
  server::ServerRunner runner(*config, logger);
  ingest::IngestServiceImpl service(store->get(), &commit_queue, runner.workers(), publisher.get(),
                                    logger, access::CallerAuthenticator(config->access_policy));
  runner.AddService(jixiao::v1::IngestService::service_full_name(), &service);
  if (absl::Status status = runner.Run(); !status.ok()) {
    logger.Error("server_failed", {{"error", status.ToString()}});
    return 1;
  }
  return 0;
}
