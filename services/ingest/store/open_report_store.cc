// OpenReportStore: the one place that maps a store URL to a database dialect.

#include "absl/status/status.h"
#include "services/ingest/store/postgres_schema.h"
#include "services/ingest/store/postgres_session.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/sqlite_schema.h"
#include "services/ingest/store/sqlite_session.h"
#include "services/ingest/store/status_macros.h"
#include "services/ingest/store/store_url.h"
#include "services/ingest/store/versioned_report_store.h"

namespace jixiao::ingest {

absl::StatusOr<std::unique_ptr<ReportStore>> OpenReportStore(absl::string_view url,
                                                             const ReportStoreOptions& options) {
  STORE_ASSIGN_OR_RETURN(const StoreLocation location, ParseStoreUrl(url));
  std::unique_ptr<SqlSessions> sessions;
  const SchemaDialect* dialect = nullptr;
  switch (location.backend) {
    case StoreLocation::Backend::kSqlite: {
      STORE_ASSIGN_OR_RETURN(sessions, OpenSqliteSessions(location.sqlite_path, options));
      dialect = &SqliteSchemaDialect();
      break;
    }
    case StoreLocation::Backend::kPostgres: {
      STORE_ASSIGN_OR_RETURN(sessions, OpenPostgresSessions(location.postgres_url, options));
      dialect = &PostgresSchemaDialect();
      break;
    }
  }
  if (dialect == nullptr) return absl::InternalError("unknown store backend");
  STORE_ASSIGN_OR_RETURN(auto store, VersionedReportStore::Open(std::move(sessions), *dialect));
  return std::unique_ptr<ReportStore>(std::move(store));
}

}  // namespace jixiao::ingest
