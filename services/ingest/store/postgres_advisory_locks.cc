#include "services/ingest/store/postgres_advisory_locks.h"

#include <algorithm>

#include "services/ingest/store/postgres_query.h"

namespace jixiao::ingest {
namespace {

absl::Status LockKey(PGconn* connection, AdvisoryLockClass lock_class, int32_t key) {
  return PgExecute(connection, "SELECT pg_advisory_xact_lock($1, $2)",
                   SqlParams().Int32(static_cast<int32_t>(lock_class)).Int32(key))
      .status();
}

}  // namespace

int32_t AdvisoryLockKey(absl::string_view id) {
  uint32_t hash = 2166136261u;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return static_cast<int32_t>(hash);
}

absl::Status LockAdvisoryAll(PGconn* connection, AdvisoryLockClass lock_class,
                             const std::vector<absl::string_view>& ids) {
  std::vector<int32_t> keys;
  keys.reserve(ids.size());
  for (const auto id : ids) keys.push_back(AdvisoryLockKey(id));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const int32_t key : keys) {
    if (auto status = LockKey(connection, lock_class, key); !status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace jixiao::ingest
