#include "services/ingest/store/schema_migration.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/ingest/store/status_macros.h"

namespace jixiao::ingest {

absl::StatusOr<std::vector<const Migration*>> PendingMigrations(const std::vector<Migration>& known,
                                                                const std::vector<int64_t>& applied,
                                                                absl::string_view backend) {
  for (size_t i = 0; i < known.size(); ++i) {
    if (known[i].version != static_cast<int>(i) + 1) {
      return absl::InternalError(absl::StrCat(backend, " migration #", i + 1, " is numbered ",
                                              known[i].version, "; versions must be 1, 2, …"));
    }
  }
  std::vector<int64_t> sorted = applied;
  std::sort(sorted.begin(), sorted.end());
  const int64_t newest_known = static_cast<int64_t>(known.size());
  if (!sorted.empty() && sorted.back() > newest_known) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the ", backend, " database has schema version ", sorted.back(),
        ", newer than this build of jixiao knows (", newest_known,
        "); refusing to open it: run a jixiao at least as new as the one that migrated it"));
  }
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (sorted[i] != static_cast<int64_t>(i) + 1) {
      return absl::FailedPreconditionError(
          absl::StrCat("the ", backend, " database lists schema versions [",
                       absl::StrJoin(sorted, ", "), "], not 1..n; it was altered by hand"));
    }
  }
  std::vector<const Migration*> pending;
  for (size_t i = sorted.size(); i < known.size(); ++i) pending.push_back(&known[i]);
  return pending;
}

absl::Status MigrateSchema(SqlSession* session, const SchemaDialect& dialect) {
  STORE_ASSIGN_OR_RETURN(auto transaction,
                         SqlTransaction::BeginWrite(session, WriteKind::kSchemaMigration, {""}));
  STORE_RETURN_IF_ERROR(session->ExecuteScript(dialect.create_migrations_table.c_str()));
  STORE_ASSIGN_OR_RETURN(const auto rows,
                         session->Execute("SELECT version FROM schema_migrations", SqlParams()));
  std::vector<int64_t> applied;
  for (int i = 0; i < rows->size(); ++i) applied.push_back(rows->Int(i, 0));
  STORE_ASSIGN_OR_RETURN(const auto pending,
                         PendingMigrations(dialect.migrations, applied, dialect.name));
  for (const Migration* migration : pending) {
    if (auto status = session->ExecuteScript(migration->sql.c_str()); !status.ok()) {
      return absl::Status(status.code(), absl::StrCat(dialect.name, " migration ",
                                                      migration->version, ": ", status.message()));
    }
    STORE_RETURN_IF_ERROR(
        session
            ->Execute(dialect.record_migration,
                      SqlParams().Int32(migration->version).Text(migration->description))
            .status());
  }
  return transaction.Commit();
}

}  // namespace jixiao::ingest
