#pragma once

// A bounded pool of Redis connections shared by a whole service.
//
// Threading model
//   * RedisPool is thread-safe: any number of threads may call Checkout, Command, Pipeline and
//     stats at once.
//   * A connection is used by one thread at a time. Checkout hands it out exclusively inside a
//     Lease; the lease's destructor gives it back. A Lease is movable (it may be passed to
//     another thread) but must not be used by two threads at once.
//   * Connections are opened on demand, at most `pool_size` at once. When all are leased, a
//     caller waits up to `checkout_timeout` for one to come back.
//   * Reconnection after a failure happens in the calling thread, on the next checkout that
//     needs a connection. The only background thread is the prober below, idle while the
//     circuit is closed.
//   * Every Lease must be destroyed before the pool.
//
// Failures: a circuit breaker
//   * A Redis error reply (INTERNAL) leaves the connection usable.
//   * A connection whose command hit a transport failure (timeout, closed socket) is dropped
//     when its lease ends, never returned to the idle set. Commands are not retried: a write
//     may have been applied before the connection failed.
//   * A transport failure, or a failed connection attempt, opens the circuit: the idle
//     connections are dropped (they lead to the same server), and for a delay (see
//     RedisConfig) every checkout fails at once with UNAVAILABLE. The first checkout after the
//     delay wakes the prober thread and fails fast too: the prober opens a connection and
//     sends PING, so no caller ever waits on a probe. A PONG closes the circuit (the probe's
//     connection joins the idle set); a failure opens it again for a longer delay. A hung
//     Redis, which still accepts connections but never answers, so costs a timeout only to
//     the calls under way when it hung, and callers answer without the cache meanwhile. Any
//     lease that comes back healthy closes the circuit too.
//   * SIGPIPE is ignored process-wide (if still at its default action) whenever a connection
//     opens; see sigpipe.h.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/redis/reconnect_backoff.h"
#include "common/platform/redis/redis_command.h"
#include "common/platform/redis/redis_config.h"
#include "common/platform/redis/redis_connection.h"
#include "common/platform/redis/redis_reply.h"

namespace jixiao::redis {

class RedisPool {
 public:
  // Exclusive use of one pooled connection until destroyed (or moved from).
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    // Gives the connection back to the pool, or drops it if it broke.
    ~Lease();

    // See RedisConnection::Command and ::Pipeline. Several calls on one lease run on the same
    // connection, in order (e.g. WATCH/MULTI/EXEC).
    absl::StatusOr<RedisReply> Command(absl::Span<const absl::string_view> args);
    absl::StatusOr<std::vector<RedisReply>> Pipeline(absl::Span<const RedisCommand> commands);

    // The leased connection. Requires a lease that was not moved from.
    RedisConnection& connection() { return *connection_; }

   private:
    friend class RedisPool;
    Lease(RedisPool* pool, std::unique_ptr<RedisConnection> connection);
    void Release();

    RedisPool* pool_;
    std::unique_ptr<RedisConnection> connection_;
  };

  // A snapshot for metrics and tests.
  struct Stats {
    int open = 0;     // connections that exist or are being opened
    int idle = 0;     // open and waiting in the pool
    int waiting = 0;  // callers blocked in Checkout for a free connection
    int64_t connect_attempts = 0;
    int64_t connect_failures = 0;
    int64_t dropped_connections = 0;  // discarded after a transport failure
    bool backing_off = false;         // the circuit is open: checkouts fail fast
    int64_t probes = 0;               // probes the prober has finished
  };

  // INVALID_ARGUMENT if ValidateRedisConfig rejects `config`. Does not connect: a service may
  // start while Redis is down.
  static absl::StatusOr<std::unique_ptr<RedisPool>> Create(RedisConfig config);

  // Stops the prober, waiting for a probe under way (bounded by the connect and command
  // timeouts).
  ~RedisPool();
  RedisPool(const RedisPool&) = delete;
  RedisPool& operator=(const RedisPool&) = delete;

  // A connection for exclusive use, waiting at most config().checkout_timeout (or `max_wait`,
  // clamped to 0..24h) for one to be free. UNAVAILABLE when Redis cannot be reached, the pool is
  // backing off, or no connection came free in time (the pool is exhausted; retrying later may
  // succeed).
  absl::StatusOr<Lease> Checkout();
  absl::StatusOr<Lease> Checkout(absl::Duration max_wait);

  // One command or one pipeline on a connection checked out for the call.
  absl::StatusOr<RedisReply> Command(absl::Span<const absl::string_view> args);
  absl::StatusOr<std::vector<RedisReply>> Pipeline(absl::Span<const RedisCommand> commands);

  const RedisConfig& config() const { return config_; }
  Stats stats() const;

 private:
  // Deadlines and backoff use the steady clock: a wall-clock step must not stretch or cut them.
  using Clock = std::chrono::steady_clock;

  explicit RedisPool(RedisConfig config);

  // Takes back a leased connection: idle again if healthy (which closes the circuit), dropped
  // if broken (which opens it).
  void Return(std::unique_ptr<RedisConnection> connection);

  // The prober thread: waits until a checkout asks for a probe, then opens a connection and
  // sends PING, off every caller's path.
  void ProbeLoop();

  // The fail-fast answer while the circuit is open. Requires mu_.
  absl::Status BackoffStatusLocked(Clock::time_point now) const;
  // Opens or closes the circuit, and counts it in the jixiao_redis_circuit_open gauge.
  // Requires mu_.
  void SetBackingOffLocked(bool open);
  // Opens the circuit, or keeps it open. Requires mu_.
  void RecordFailureLocked(const absl::Status& failure, Clock::time_point now);
  // Moves all idle connections out, to be closed after mu_ is released. Requires mu_.
  std::vector<std::unique_ptr<RedisConnection>> TakeIdleLocked();

  const RedisConfig config_;
  const std::string endpoint_;

  // std::mutex rather than absl::Mutex: Debian's Abseil is not built with ThreadSanitizer
  // annotations, so TSan could not see absl::Mutex hand-offs and would report false races.
  mutable std::mutex mu_;
  std::condition_variable connection_freed_;  // an idle connection or a free slot appeared

  // Everything below is guarded by mu_.
  std::vector<std::unique_ptr<RedisConnection>> idle_;
  int open_ = 0;
  int waiting_ = 0;

  ReconnectBackoff backoff_;
  absl::BitGen jitter_;
  bool backing_off_ = false;              // the circuit is open
  bool probing_ = false;                  // a probe is wanted or under way
  bool stopping_ = false;                 // the destructor runs: the prober must end
  std::condition_variable probe_wanted_;  // probing_ or stopping_ was set
  Clock::time_point retry_after_;
  absl::Status last_failure_;

  int64_t connect_attempts_ = 0;
  int64_t connect_failures_ = 0;
  int64_t dropped_connections_ = 0;
  int64_t probes_ = 0;

  // Last: started once every member it uses is constructed.
  std::thread prober_;
};

}  // namespace jixiao::redis
