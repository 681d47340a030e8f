#pragma once

// A consistent copy of a SQLite report store, taken while ingest keeps running, with SQLite's
// online backup API: the copy is the database as of one moment, whatever commits run meanwhile.
//
// The copy is written to `destination` + ".partial" and renamed to `destination` only once
// complete and synced, so a failed or interrupted backup never leaves a file that looks whole.
// An existing `destination` is refused, never overwritten. Restoring is copying the file back
// while ingest is stopped (docs/operations.md).

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"

namespace jixiao::ingest {

struct BackupProgress {
  int64_t pages_copied = 0;
  int64_t pages_total = 0;
};

// `source` is the store's file path, `destination` the backup's. `on_progress`, if set, is
// called after each step of `pages_per_step` pages. INVALID_ARGUMENT for an existing
// destination or an in-memory store; NOT_FOUND when the store file does not exist; UNAVAILABLE
// when the store stayed locked beyond `busy_timeout_ms`.
absl::Status BackupSqliteStore(const std::string& source, const std::string& destination,
                               const std::function<void(const BackupProgress&)>& on_progress = {},
                               int pages_per_step = 4096, int busy_timeout_ms = 5000);

}  // namespace jixiao::ingest
