#include "services/ingest/store/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"

namespace jixiao::ingest {
namespace {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

absl::Status SqliteFailure(sqlite3* db, absl::string_view during) {
  return absl::InternalError(absl::StrCat("sqlite backup: ", during, ": ",
                                          db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

// fsync of the file, so that the rename below publishes data that is on disk.
absl::Status SyncFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::InternalError(absl::StrCat("open ", path, ": ", std::strerror(errno)));
  const int result = fsync(fd);
  const int saved_errno = errno;
  close(fd);
  if (result != 0) {
    return absl::InternalError(absl::StrCat("fsync ", path, ": ", std::strerror(saved_errno)));
  }
  return absl::OkStatus();
}

// Copies every page of `from` into `to`, retrying while the store is busy.
absl::Status CopyPages(sqlite3* from, sqlite3* to, int pages_per_step, int busy_timeout_ms,
                       const std::function<void(const BackupProgress&)>& on_progress) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return SqliteFailure(to, "start");
  int waited_ms = 0;
  int rc = SQLITE_OK;
  while (true) {
    rc = sqlite3_backup_step(backup, pages_per_step);
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
      waited_ms = 0;
      if (on_progress) {
        on_progress({sqlite3_backup_pagecount(backup) - sqlite3_backup_remaining(backup),
                     sqlite3_backup_pagecount(backup)});
      }
      if (rc == SQLITE_DONE) break;
      continue;
    }
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited_ms < busy_timeout_ms) {
      sqlite3_sleep(20);  // a writer holds the lock for one commit: short, bounded waits
      waited_ms += 20;
      continue;
    }
    break;
  }
  sqlite3_backup_finish(backup);
  if (rc == SQLITE_DONE) return absl::OkStatus();
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return absl::UnavailableError(
        absl::StrCat("sqlite backup: the store stayed locked for ", busy_timeout_ms, " ms"));
  }
  return absl::InternalError(absl::StrCat("sqlite backup: ", sqlite3_errstr(rc)));
}

}  // namespace

absl::Status BackupSqliteStore(const std::string& source, const std::string& destination,
                               const std::function<void(const BackupProgress&)>& on_progress,
                               int pages_per_step, int busy_timeout_ms) {
  if (source.empty() || source == ":memory:") {
    return absl::InvalidArgumentError("--backup: an in-memory store has nothing to back up");
  }
  if (destination.empty()) return absl::InvalidArgumentError("--backup: no destination file");
  if (Exists(destination)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--backup: ", destination, " exists; a backup never overwrites a file"));
  }
  if (!Exists(source)) return absl::NotFoundError(absl::StrCat("no store file at ", source));

  sqlite3* raw = nullptr;
  // Read-only: the backup never changes the store, and never creates one by accident.
  int rc = sqlite3_open_v2(source.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Database from(raw);
  if (rc != SQLITE_OK) return SqliteFailure(from.get(), absl::StrCat("open ", source));
  sqlite3_busy_timeout(from.get(), busy_timeout_ms);

  const std::string partial = absl::StrCat(destination, ".partial");
  std::remove(partial.c_str());  // left by an earlier backup that did not finish
  raw = nullptr;
  rc = sqlite3_open_v2(partial.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database to(raw);
  if (rc != SQLITE_OK) return SqliteFailure(to.get(), absl::StrCat("create ", partial));

  absl::Status copied =
      CopyPages(from.get(), to.get(), pages_per_step, busy_timeout_ms, on_progress);
  to.reset();  // closes the copy: everything written is handed to the file system
  if (copied.ok()) copied = SyncFile(partial);
  if (copied.ok() && std::rename(partial.c_str(), destination.c_str()) != 0) {
    copied = absl::InternalError(
        absl::StrCat("rename ", partial, " to ", destination, ": ", std::strerror(errno)));
  }
  if (!copied.ok()) std::remove(partial.c_str());
  return copied;
}

}  // namespace jixiao::ingest
