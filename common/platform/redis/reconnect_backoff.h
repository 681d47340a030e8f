#pragma once

// How long the pool stays away from Redis after failed connection attempts. Exponential so
// that a long outage costs few attempts, bounded so that recovery is noticed within
// `max`, and jittered so that many service replicas do not reconnect in lockstep.

#include "absl/random/bit_gen_ref.h"
#include "absl/time/time.h"

namespace jixiao::redis {

// Not thread-safe: the pool calls it under its own lock.
class ReconnectBackoff {
 public:
  // Requires 0 < initial <= max.
  ReconnectBackoff(absl::Duration initial, absl::Duration max);

  // Records one more consecutive failure and returns how long to wait before the next attempt:
  // base = min(max, initial * 2^(failures - 1)), drawn uniformly from [base / 2, base].
  absl::Duration NextDelay(absl::BitGenRef random);

  // A success: the next failure starts again from `initial`.
  void Reset() { consecutive_failures_ = 0; }

  int consecutive_failures() const { return consecutive_failures_; }

 private:
  absl::Duration initial_;
  absl::Duration max_;
  int consecutive_failures_ = 0;
};

}  // namespace jixiao::redis
