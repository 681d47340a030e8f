#pragma once

// The PostgreSQL schema, as an ordered list of migrations, and the code that
// brings a database up to date.

#include <libpq-fe.h>

#include <vector>

#include "absl/status/status.h"
#include "services/ingest/store/schema_migration.h"

namespace jixiao::ingest {

const std::vector<Migration>& PostgresMigrations();

// Applies the missing migrations in one transaction, under a transaction-level
// advisory lock so that replicas starting together migrate once: the others
// wait, then find nothing left to do.
absl::Status MigratePostgres(PGconn* connection);

}  // namespace jixiao::ingest
