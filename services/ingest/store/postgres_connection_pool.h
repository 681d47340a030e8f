#pragma once

// A fixed-size pool of libpq connections. A libpq connection must not be used
// by two threads at once, so each call leases one for its duration and gives
// it back. Connections open lazily, up to `size`; a connection that comes back
// broken or still inside a transaction is closed instead of reused, and a
// fresh one is opened by the next lease.

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace jixiao::ingest {

class PostgresConnectionPool {
 public:
  // A leased connection, returned to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept
        : pool_(other.pool_), connection_(std::exchange(other.connection_, nullptr)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (connection_ != nullptr) pool_->Release(connection_);
    }
    PGconn* get() const { return connection_; }

   private:
    friend class PostgresConnectionPool;
    Lease(PostgresConnectionPool* pool, PGconn* connection)
        : pool_(pool), connection_(connection) {}
    PostgresConnectionPool* pool_;
    PGconn* connection_;
  };

  // `url` goes to libpq as is; `session_setup` runs on every new connection.
  // Opens one connection at once, so that a bad URL or an unreachable server
  // fails here (INVALID_ARGUMENT, UNAVAILABLE) rather than on first use.
  static absl::StatusOr<std::unique_ptr<PostgresConnectionPool>> Create(
      std::string url, int size, absl::Duration acquire_timeout, std::string session_setup);
  // Every lease must have been returned.
  ~PostgresConnectionPool();
  PostgresConnectionPool(const PostgresConnectionPool&) = delete;
  PostgresConnectionPool& operator=(const PostgresConnectionPool&) = delete;

  // Waits up to the acquire timeout for a free connection (UNAVAILABLE after).
  absl::StatusOr<Lease> Acquire();

 private:
  PostgresConnectionPool(std::string url, int size, absl::Duration acquire_timeout,
                         std::string session_setup)
      : url_(std::move(url)),
        size_(size),
        acquire_timeout_(acquire_timeout),
        session_setup_(std::move(session_setup)) {}

  absl::StatusOr<PGconn*> Connect() const;
  void Release(PGconn* connection);
  bool CanLease() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    return !idle_.empty() || open_ < size_;
  }

  const std::string url_;
  const int size_;
  const absl::Duration acquire_timeout_;
  const std::string session_setup_;

  absl::Mutex mutex_;
  std::vector<PGconn*> idle_ ABSL_GUARDED_BY(mutex_);
  // Connections in existence, idle or leased, or being opened.
  int open_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace jixiao::ingest
