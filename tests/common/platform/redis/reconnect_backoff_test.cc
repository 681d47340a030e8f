#include "common/platform/redis/reconnect_backoff.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "absl/random/random.h"

namespace jixiao::redis {
namespace {

TEST(ReconnectBackoffTest, DoublesFromInitialAndStaysWithinJitterBounds) {
  absl::BitGen random;
  ReconnectBackoff backoff(absl::Milliseconds(50), absl::Seconds(2));
  absl::Duration base = absl::Milliseconds(50);
  for (int failure = 1; failure <= 12; ++failure) {
    const absl::Duration delay = backoff.NextDelay(random);
    EXPECT_GE(delay, base / 2) << "failure " << failure;
    EXPECT_LE(delay, base) << "failure " << failure;
    EXPECT_EQ(backoff.consecutive_failures(), failure);
    base = std::min(base * 2, absl::Seconds(2));
  }
}

TEST(ReconnectBackoffTest, NeverExceedsMaxEvenAfterManyFailures) {
  absl::BitGen random;
  ReconnectBackoff backoff(absl::Milliseconds(1), absl::Milliseconds(300));
  for (int failure = 1; failure <= 10'000; ++failure) {
    ASSERT_LE(backoff.NextDelay(random), absl::Milliseconds(300)) << "failure " << failure;
  }
}

TEST(ReconnectBackoffTest, JitterSpreadsTheDelays) {
  absl::BitGen random;
  absl::Duration smallest = absl::InfiniteDuration();
  absl::Duration largest = absl::ZeroDuration();
  for (int i = 0; i < 200; ++i) {
    ReconnectBackoff backoff(absl::Seconds(1), absl::Seconds(1));
    const absl::Duration delay = backoff.NextDelay(random);
    smallest = std::min(smallest, delay);
    largest = std::max(largest, delay);
  }
  // 200 uniform draws from [0.5 s, 1 s] all landing within 50 ms of each other would mean
  // there is no jitter (probability far below 1e-100 otherwise).
  EXPECT_GT(largest - smallest, absl::Milliseconds(50));
}

TEST(ReconnectBackoffTest, ResetStartsOverFromInitial) {
  absl::BitGen random;
  ReconnectBackoff backoff(absl::Milliseconds(100), absl::Seconds(10));
  for (int i = 0; i < 6; ++i) backoff.NextDelay(random);
  backoff.Reset();
  EXPECT_EQ(backoff.consecutive_failures(), 0);
  EXPECT_LE(backoff.NextDelay(random), absl::Milliseconds(100));
}

}  // namespace
}  // namespace jixiao::redis
