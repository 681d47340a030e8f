#include "common/platform/redis/redis_pool.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/platform/metrics/metrics_registry.h"

namespace jixiao::redis {
namespace {

// The time a command (or a whole pipeline) takes on its connection, timeouts included.
void ObserveCommand(absl::string_view command, std::chrono::steady_clock::time_point start) {
  static auto& family = metrics::HistogramFamily(
      "jixiao_redis_command_duration_seconds",
      "Time from sending a Redis command (or pipeline) to its reply or failure");
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  family.Add({{"command", absl::AsciiStrToUpper(command)}}, metrics::LatencyBuckets())
      .Observe(elapsed.count());
}

// How many of the process's pools have their circuit open (usually one pool: 0 or 1).
prometheus::Gauge& OpenCircuits() {
  static auto& gauge =
      metrics::GaugeFamily("jixiao_redis_circuit_open", "Redis pools whose circuit breaker is open")
          .Add({});
  return gauge;
}

}  // namespace

// ---- Lease ----

RedisPool::Lease::Lease(RedisPool* pool, std::unique_ptr<RedisConnection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

RedisPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

RedisPool::Lease& RedisPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Release();
    pool_ = other.pool_;
    connection_ = std::move(other.connection_);
  }
  return *this;
}

RedisPool::Lease::~Lease() { Release(); }

void RedisPool::Lease::Release() {
  if (connection_ != nullptr) pool_->Return(std::move(connection_));
}

absl::StatusOr<RedisReply> RedisPool::Lease::Command(absl::Span<const absl::string_view> args) {
  if (connection_ == nullptr) return absl::FailedPreconditionError("redis: lease was moved from");
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<RedisReply> reply = connection_->Command(args);
  if (!args.empty()) ObserveCommand(args.front(), start);
  return reply;
}

absl::StatusOr<std::vector<RedisReply>> RedisPool::Lease::Pipeline(
    absl::Span<const RedisCommand> commands) {
  if (connection_ == nullptr) return absl::FailedPreconditionError("redis: lease was moved from");
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::vector<RedisReply>> replies = connection_->Pipeline(commands);
  ObserveCommand("pipeline", start);
  return replies;
}

// ---- RedisPool ----

absl::StatusOr<std::unique_ptr<RedisPool>> RedisPool::Create(RedisConfig config) {
  if (absl::Status status = ValidateRedisConfig(config); !status.ok()) return status;
  return std::unique_ptr<RedisPool>(new RedisPool(std::move(config)));
}

RedisPool::RedisPool(RedisConfig config)
    : config_(std::move(config)),
      endpoint_(RedisEndpointText(config_)),
      backoff_(config_.backoff_initial, config_.backoff_max),
      prober_([this] { ProbeLoop(); }) {}

RedisPool::~RedisPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  probe_wanted_.notify_one();
  prober_.join();
  std::lock_guard<std::mutex> lock(mu_);
  SetBackingOffLocked(false);  // a pool that is gone has no open circuit
  // Leases hold a pointer back to the pool: they must all have ended.
  assert(open_ == static_cast<int>(idle_.size()));
}

absl::StatusOr<RedisPool::Lease> RedisPool::Checkout() {
  return Checkout(config_.checkout_timeout);
}

absl::StatusOr<RedisPool::Lease> RedisPool::Checkout(absl::Duration max_wait) {
  // Clamped so that an infinite or absurd wait cannot overflow the clock arithmetic.
  const absl::Duration wait = std::clamp(max_wait, absl::ZeroDuration(), absl::Hours(24));
  const Clock::time_point deadline = Clock::now() + absl::ToChronoNanoseconds(wait);
  // Declared before the lock so that discarded connections are closed after it is released.
  std::vector<std::unique_ptr<RedisConnection>> to_close;
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (backing_off_) {
      const Clock::time_point now = Clock::now();
      if (!probing_ && now >= retry_after_) {
        probing_ = true;
        probe_wanted_.notify_one();
      }
      return BackoffStatusLocked(now);
    }
    // An open circuit has no idle connections: they were dropped when it opened.
    if (!idle_.empty()) {
      // Most recently returned first: keeps few connections warm under light load.
      std::unique_ptr<RedisConnection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }

    if (open_ < config_.pool_size) {
      ++open_;  // reserves the slot while connecting without the lock
      ++connect_attempts_;
      lock.unlock();
      absl::StatusOr<std::unique_ptr<RedisConnection>> opened = RedisConnection::Open(config_);
      lock.lock();
      if (opened.ok()) return Lease(this, *std::move(opened));
      --open_;
      ++connect_failures_;
      RecordFailureLocked(opened.status(), Clock::now());
      to_close = TakeIdleLocked();
      // Waiters may now use the freed slot, which means failing fast rather than waiting on.
      connection_freed_.notify_all();
      return opened.status();
    }

    ++waiting_;
    const std::cv_status woke = connection_freed_.wait_until(lock, deadline);
    --waiting_;
    if (woke == std::cv_status::timeout && idle_.empty() && open_ >= config_.pool_size) {
      return absl::UnavailableError(absl::StrCat("redis ", endpoint_, ": all ", config_.pool_size,
                                                 " pooled connections stayed busy for ",
                                                 absl::FormatDuration(max_wait)));
    }
  }
}

void RedisPool::Return(std::unique_ptr<RedisConnection> connection) {
  std::vector<std::unique_ptr<RedisConnection>> to_close;
  std::lock_guard<std::mutex> lock(mu_);
  if (!connection->broken()) {
    if (backing_off_) {
      SetBackingOffLocked(false);
      backoff_.Reset();
    }
    idle_.push_back(std::move(connection));
    connection_freed_.notify_one();
    return;
  }
  --open_;
  ++dropped_connections_;
  // A timeout opens the circuit as a refusal does: a server that stopped answering would
  // otherwise cost every caller a timeout of its own.
  RecordFailureLocked(connection->transport_status(), Clock::now());
  to_close = TakeIdleLocked();
  to_close.push_back(std::move(connection));
  connection_freed_.notify_all();
}

void RedisPool::ProbeLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    probe_wanted_.wait(lock, [this] { return stopping_ || probing_; });
    if (stopping_) return;
    ++connect_attempts_;
    lock.unlock();
    // Connecting proves little (a hung server accepts connections too): only an answer does.
    absl::StatusOr<std::unique_ptr<RedisConnection>> opened = RedisConnection::Open(config_);
    absl::Status answered = opened.status();
    if (opened.ok()) answered = (*opened)->Command({"PING"}).status();
    lock.lock();
    probing_ = false;
    ++probes_;
    if (!opened.ok()) ++connect_failures_;
    if (!answered.ok()) {
      RecordFailureLocked(answered, Clock::now());
    } else {
      SetBackingOffLocked(false);
      backoff_.Reset();
      if (open_ < config_.pool_size) {
        ++open_;
        idle_.push_back(*std::move(opened));
        connection_freed_.notify_one();
      }
    }
    if (opened.ok() && *opened != nullptr) {  // not kept: closed without the lock
      lock.unlock();
      opened->reset();
      lock.lock();
    }
  }
}

void RedisPool::SetBackingOffLocked(bool open) {
  if (open == backing_off_) return;
  backing_off_ = open;
  if (open) {
    OpenCircuits().Increment();
  } else {
    OpenCircuits().Decrement();
  }
}

void RedisPool::RecordFailureLocked(const absl::Status& failure, Clock::time_point now) {
  last_failure_ = failure;
  // Failures of calls that were already under way when the first one opened the circuit
  // report the same outage: they must not push the delay further.
  if (backing_off_ && now < retry_after_) return;
  SetBackingOffLocked(true);
  retry_after_ = now + absl::ToChronoNanoseconds(backoff_.NextDelay(jitter_));
}

absl::Status RedisPool::BackoffStatusLocked(Clock::time_point now) const {
  std::string next = "a probe is under way";
  if (!probing_) {
    const absl::Duration remaining = absl::FromChrono(retry_after_ - now);
    next = absl::StrCat("next attempt in ",
                        absl::FormatDuration(absl::Ceil(remaining, absl::Milliseconds(1))));
  }
  return absl::UnavailableError(absl::StrCat(
      "redis ", endpoint_, " unavailable (circuit open after ", backoff_.consecutive_failures(),
      " failure(s), last: ", last_failure_.message(), "); ", next));
}

std::vector<std::unique_ptr<RedisConnection>> RedisPool::TakeIdleLocked() {
  std::vector<std::unique_ptr<RedisConnection>> taken = std::move(idle_);
  idle_.clear();
  open_ -= static_cast<int>(taken.size());
  dropped_connections_ += static_cast<int64_t>(taken.size());
  return taken;
}

absl::StatusOr<RedisReply> RedisPool::Command(absl::Span<const absl::string_view> args) {
  absl::StatusOr<Lease> lease = Checkout();
  if (!lease.ok()) return lease.status();
  return lease->Command(args);
}

absl::StatusOr<std::vector<RedisReply>> RedisPool::Pipeline(
    absl::Span<const RedisCommand> commands) {
  absl::StatusOr<Lease> lease = Checkout();
  if (!lease.ok()) return lease.status();
  return lease->Pipeline(commands);
}

RedisPool::Stats RedisPool::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  Stats stats;
  stats.open = open_;
  stats.idle = static_cast<int>(idle_.size());
  stats.waiting = waiting_;
  stats.connect_attempts = connect_attempts_;
  stats.connect_failures = connect_failures_;
  stats.dropped_connections = dropped_connections_;
  stats.backing_off = backing_off_;
  stats.probes = probes_;
  return stats;
}

}  // namespace jixiao::redis
