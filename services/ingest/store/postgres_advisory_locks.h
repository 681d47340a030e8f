#pragma once

// How concurrent PostgreSQL writers of one id avoid making the same version
// twice. Before reading an id's latest version, a writer takes the
// transaction-level advisory lock pg_advisory_xact_lock(class, key), where the
// class is a jixiao constant per kind of object and the key a 32-bit hash of
// the id. A second writer of the same id waits for the first to commit, then
// reads the version it made (READ COMMITTED takes a fresh snapshot for each
// statement). The locks are released by COMMIT or ROLLBACK, so nothing leaks if
// a connection dies. Two ids whose keys collide only wait for each other. The
// (id, version) primary key stays as the backstop.
//
// Why not SELECT … FOR UPDATE on the head row: the first version of an id has
// no row to lock yet, and racing inserts would need a retry loop.

#include <libpq-fe.h>

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jixiao::ingest {

// Spells "JXMG", "JXRP", "JXTT": unlikely to meet another application's locks.
enum class AdvisoryLockClass : int32_t {
  kSchemaMigration = 0x4A584D47,
  kReport = 0x4A585250,
  kTargetTable = 0x4A585454,
};

// FNV-1a of the id's bytes: stable across processes, builds and servers.
int32_t AdvisoryLockKey(absl::string_view id);

// Blocks until the current transaction holds the lock of every id, taken in
// ascending key order and each key once, so that two
// transactions locking overlapping sets wait for each other instead of
// deadlocking.
absl::Status LockAdvisoryAll(PGconn* connection, AdvisoryLockClass lock_class,
                             const std::vector<absl::string_view>& ids);

}  // namespace jixiao::ingest
