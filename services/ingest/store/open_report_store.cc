// OpenReportStore: the one place that maps a store URL to an implementation.

#include "absl/status/status.h"
#include "services/ingest/store/postgres_report_store.h"
#include "services/ingest/store/report_store.h"
#include "services/ingest/store/sqlite_report_store.h"
#include "services/ingest/store/store_url.h"

namespace jixiao::ingest {

absl::StatusOr<std::unique_ptr<ReportStore>> OpenReportStore(absl::string_view url,
                                                             const ReportStoreOptions& options) {
  auto location = ParseStoreUrl(url);
  if (!location.ok()) return location.status();
  switch (location->backend) {
    case StoreLocation::Backend::kSqlite: {
      auto store = SqliteReportStore::Open(location->sqlite_path, options);
      if (!store.ok()) return store.status();
      return std::unique_ptr<ReportStore>(*std::move(store));
    }
    case StoreLocation::Backend::kPostgres: {
      auto store = PostgresReportStore::Open(location->postgres_url, options);
      if (!store.ok()) return store.status();
      return std::unique_ptr<ReportStore>(*std::move(store));
    }
  }
  return absl::InternalError("unknown store backend");
}

}  // namespace jixiao::ingest
