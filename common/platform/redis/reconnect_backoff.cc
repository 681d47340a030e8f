#include "common/platform/redis/reconnect_backoff.h"

#include "absl/random/distributions.h"

namespace jixiao::redis {

ReconnectBackoff::ReconnectBackoff(absl::Duration initial, absl::Duration max)
    : initial_(initial), max_(max) {}

absl::Duration ReconnectBackoff::NextDelay(absl::BitGenRef random) {
  ++consecutive_failures_;
  absl::Duration base = initial_;
  // Doubling stops at max_, which also keeps the multiplication far from overflow.
  for (int i = 1; i < consecutive_failures_ && base < max_; ++i) base *= 2;
  if (base > max_) base = max_;
  const double fraction = absl::Uniform(absl::IntervalClosedClosed, random, 0.5, 1.0);
  return base * fraction;
}

}  // namespace jixiao::redis
